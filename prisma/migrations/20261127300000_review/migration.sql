-- AlterTable
ALTER TABLE "application" ADD COLUMN "statement" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "review_overdue" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "supplement_request" JSONB,
ADD COLUMN "offline_check" JSONB;

-- AlterTable
ALTER TABLE "county" ADD COLUMN "review_sla_ms" INTEGER,
ADD COLUMN "supplement_deadline_ms" INTEGER;

-- CreateTable
CREATE TABLE "supplement" (
    "application_no" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "actor" TEXT NOT NULL,
    "provided_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supplement_pkey" PRIMARY KEY ("application_no","seq")
);

-- CreateTable
CREATE TABLE "attachment" (
    "application_no" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("application_no","sha256")
);

-- CreateIndex
CREATE INDEX "application_county_code_status_submitted_at_idx" ON "application"("county_code", "status", "submitted_at");

-- AddForeignKey
ALTER TABLE "supplement" ADD CONSTRAINT "supplement_application_no_fkey" FOREIGN KEY ("application_no") REFERENCES "application"("application_no") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_application_no_fkey" FOREIGN KEY ("application_no") REFERENCES "application"("application_no") ON DELETE RESTRICT ON UPDATE CASCADE;
