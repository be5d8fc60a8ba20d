-- Appeals (复核, issue 14): the county's period for appealing a rejection or a placement (null:
-- the default in src/domain/appeals.ts), and each case's latest appeal with its answer (sealed).
ALTER TABLE "county" ADD COLUMN "appeal_window_ms" INTEGER;
ALTER TABLE "application" ADD COLUMN "appeal" JSONB;
