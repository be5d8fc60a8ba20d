-- CreateEnum
CREATE TYPE "RegistrationPointKind" AS ENUM ('GOVERNMENT_SERVICE_CENTRE', 'ADMISSIONS_OFFICE', 'SCHOOL');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('BOOKED', 'CANCELLED');

-- AlterTable: JUNIOR_1 age rule per season (31 August of year − 11 for existing seasons).
ALTER TABLE "season" ADD COLUMN "junior_born_on_or_before" DATE;
UPDATE "season" SET "junior_born_on_or_before" = make_date("year" - 11, 8, 31);
ALTER TABLE "season" ALTER COLUMN "junior_born_on_or_before" SET NOT NULL;

-- AlterTable: a child's workflow id may be reused after withdrawal or rejection.
DROP INDEX "application_workflow_id_key";
ALTER TABLE "application" ADD COLUMN "run_id" TEXT NOT NULL DEFAULT '',
ADD COLUMN "owner_sub" TEXT,
ADD COLUMN "submitted_by" TEXT NOT NULL DEFAULT 'unknown',
ADD COLUMN "registration_point_id" TEXT;
ALTER TABLE "application" ALTER COLUMN "run_id" DROP DEFAULT,
ALTER COLUMN "submitted_by" DROP DEFAULT;

-- CreateTable
CREATE TABLE "registration_point" (
    "id" TEXT NOT NULL,
    "county_code" TEXT NOT NULL,
    "kind" "RegistrationPointKind" NOT NULL,
    "name_zh" TEXT NOT NULL,
    "address" TEXT NOT NULL,

    CONSTRAINT "registration_point_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment_slot" (
    "id" TEXT NOT NULL,
    "point_id" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "appointment_slot_pkey" PRIMARY KEY ("id"),
    -- Capacity holds whatever the application does (not modelled by Prisma).
    CONSTRAINT "appointment_slot_capacity_check" CHECK ("booked" >= 0 AND "booked" <= "capacity")
);

-- CreateTable
CREATE TABLE "appointment" (
    "id" TEXT NOT NULL,
    "slot_id" TEXT NOT NULL,
    "owner_sub" TEXT NOT NULL,
    "status" "AppointmentStatus" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMP(3),

    CONSTRAINT "appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_record" (
    "principal" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("principal","key")
);

-- CreateIndex
CREATE INDEX "application_workflow_id_idx" ON "application"("workflow_id");

-- CreateIndex
CREATE INDEX "application_owner_sub_idx" ON "application"("owner_sub");

-- CreateIndex
CREATE INDEX "registration_point_county_code_idx" ON "registration_point"("county_code");

-- CreateIndex
CREATE UNIQUE INDEX "appointment_slot_point_id_starts_at_key" ON "appointment_slot"("point_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointment_slot_id_idx" ON "appointment"("slot_id");

-- CreateIndex
CREATE INDEX "appointment_owner_sub_idx" ON "appointment"("owner_sub");

-- AddForeignKey
ALTER TABLE "registration_point" ADD CONSTRAINT "registration_point_county_code_fkey" FOREIGN KEY ("county_code") REFERENCES "county"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_slot" ADD CONSTRAINT "appointment_slot_point_id_fkey" FOREIGN KEY ("point_id") REFERENCES "registration_point"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_slot_id_fkey" FOREIGN KEY ("slot_id") REFERENCES "appointment_slot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable: English names exist for some counties only.
ALTER TABLE "county" ALTER COLUMN "name_en" DROP NOT NULL;
