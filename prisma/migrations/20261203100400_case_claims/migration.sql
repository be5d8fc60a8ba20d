-- Offline cases join the family's account (issue 14): the one-time claim code on an offline
-- receipt (its SHA-256 only), failed claim attempts per account, bookings linked to a case and
-- handled by the point's staff, and registration points administered through the API.
ALTER TYPE "AppointmentStatus" ADD VALUE 'ATTENDED';
ALTER TYPE "AppointmentStatus" ADD VALUE 'NO_SHOW';

ALTER TABLE "registration_point"
    ADD COLUMN "opening_hours" JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN "slot_minutes" INTEGER NOT NULL DEFAULT 60,
    ADD COLUMN "slot_capacity" INTEGER NOT NULL DEFAULT 10;

CREATE TABLE "registration_point_closure" (
    "point_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "registration_point_closure_pkey" PRIMARY KEY ("point_id","day")
);

ALTER TABLE "registration_point_closure" ADD CONSTRAINT "registration_point_closure_point_id_fkey" FOREIGN KEY ("point_id") REFERENCES "registration_point"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "appointment"
    ADD COLUMN "application_no" TEXT,
    ADD COLUMN "handled_by" TEXT,
    ADD COLUMN "handled_at" TIMESTAMP(3);

CREATE TABLE "case_claim_code" (
    "application_no" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "guardian_keys" TEXT[],
    "issued_by" TEXT NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "claimed_at" TIMESTAMP(3),
    "claimed_by" TEXT,

    CONSTRAINT "case_claim_code_pkey" PRIMARY KEY ("application_no")
);

CREATE UNIQUE INDEX "case_claim_code_code_hash_key" ON "case_claim_code"("code_hash");

CREATE TABLE "claim_attempt" (
    "id" BIGSERIAL NOT NULL,
    "account" TEXT NOT NULL,
    "attempted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_attempt_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "claim_attempt_account_attempted_at_idx" ON "claim_attempt"("account", "attempted_at");
