-- AlterTable
ALTER TABLE "eligibility_assessment" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "eligibility_assessment_version" (
    "application_no" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "cause" TEXT NOT NULL,
    "confirmations" JSONB NOT NULL,
    "policy_version" TEXT NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "notes" JSONB NOT NULL,
    "schools" JSONB NOT NULL,
    "facts" JSONB NOT NULL,
    "assessed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "eligibility_assessment_version_pkey" PRIMARY KEY ("application_no","version")
);
