-- AlterTable
ALTER TABLE "application" ADD COLUMN "anonymised_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "consent_record" (
    "application_no" TEXT NOT NULL,
    "text_version" TEXT NOT NULL,
    "purposes" TEXT[],
    "channel" "Channel" NOT NULL,
    "actor" TEXT NOT NULL,
    "given_at" TIMESTAMP(3) NOT NULL,
    "paper_form_sha256" TEXT,
    "withdrawn_at" TIMESTAMP(3),
    "withdrawn_by" TEXT,

    CONSTRAINT "consent_record_pkey" PRIMARY KEY ("application_no")
);

-- CreateTable
CREATE TABLE "consent_form" (
    "point_id" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_form_pkey" PRIMARY KEY ("point_id","sha256")
);

-- CreateIndex
CREATE INDEX "application_season_year_status_idx" ON "application"("season_year", "status");

-- CreateIndex
CREATE INDEX "idempotency_record_created_at_idx" ON "idempotency_record"("created_at");

-- AddForeignKey
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_application_no_fkey" FOREIGN KEY ("application_no") REFERENCES "application"("application_no") ON DELETE RESTRICT ON UPDATE CASCADE;
