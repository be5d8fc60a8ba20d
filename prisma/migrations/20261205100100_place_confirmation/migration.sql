-- Enrolment confirmation (报到) and waitlist offers (issue 14): a declined or lapsed place is a
-- status of its own; the county's periods to confirm a place and to answer a waitlist offer (null:
-- the defaults in src/domain/place-confirmation.ts); each case's place and latest offer.
ALTER TYPE "EnrolmentStatus" ADD VALUE 'DECLINED';
ALTER TYPE "EnrolmentStatus" ADD VALUE 'LAPSED';
ALTER TABLE "county" ADD COLUMN "confirm_window_ms" INTEGER;
ALTER TABLE "county" ADD COLUMN "offer_window_ms" INTEGER;
ALTER TABLE "application" ADD COLUMN "place" JSONB;
ALTER TABLE "application" ADD COLUMN "offer" JSONB;
