-- CreateTable
CREATE TABLE "application_number_claim" (
    "workflow_id" TEXT NOT NULL,
    "after_application_no" TEXT NOT NULL,
    "county_code" TEXT NOT NULL,
    "application_no" TEXT NOT NULL,

    CONSTRAINT "application_number_claim_pkey" PRIMARY KEY ("workflow_id","after_application_no","county_code")
);
