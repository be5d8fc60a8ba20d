-- Intake rules as policy data (issue 13): how many live cases one family account may hold.
-- No row means the default (DEFAULT_LIVE_CASES_PER_ACCOUNT in src/domain/guardianship.ts).
CREATE TABLE "intake_policy" (
    "scope" TEXT NOT NULL,
    "max_live_cases_per_account" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intake_policy_pkey" PRIMARY KEY ("scope")
);
