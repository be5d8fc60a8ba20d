-- AlterEnum
ALTER TYPE "EnrolmentStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN "details" JSONB;

-- CreateTable
CREATE TABLE "case_reset" (
    "id" BIGSERIAL NOT NULL,
    "application_no" TEXT NOT NULL,
    "previous_run_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "kept_through_seq" INTEGER NOT NULL,
    "undone" JSONB NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_reset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_reset_application_no_idx" ON "case_reset"("application_no");

-- AddForeignKey
ALTER TABLE "case_reset" ADD CONSTRAINT "case_reset_application_no_fkey" FOREIGN KEY ("application_no") REFERENCES "application"("application_no") ON DELETE RESTRICT ON UPDATE CASCADE;
