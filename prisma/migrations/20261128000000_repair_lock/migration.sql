-- CreateTable
CREATE TABLE "case_repair_lock" (
    "application_no" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_repair_lock_pkey" PRIMARY KEY ("application_no")
);
