-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('CREATED', 'FROZEN', 'DRAWN', 'PUBLISHED');

-- AlterTable
ALTER TABLE "school" ADD COLUMN "location_x" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN "location_y" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "application" ADD COLUMN "admission" JSONB;

-- CreateTable
CREATE TABLE "admission_round" (
    "id" TEXT NOT NULL,
    "county_code" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "season_year" INTEGER NOT NULL,
    "mechanism" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "seed_commitment" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "status" "RoundStatus" NOT NULL,
    "applicant_list_hash" TEXT,
    "policy_version" TEXT,
    "schools" JSONB,
    "summary" JSONB,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "drawn_at" TIMESTAMP(3),

    CONSTRAINT "admission_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admission_round_applicant" (
    "round_id" TEXT NOT NULL,
    "application_no" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "entry" JSONB NOT NULL,

    CONSTRAINT "admission_round_applicant_pkey" PRIMARY KEY ("round_id","application_no")
);

-- CreateTable
CREATE TABLE "admission_result" (
    "round_id" TEXT NOT NULL,
    "application_no" TEXT NOT NULL,
    "placement" JSONB NOT NULL,
    "choices" JSONB NOT NULL,
    "delivered_at" TIMESTAMP(3),

    CONSTRAINT "admission_result_pkey" PRIMARY KEY ("round_id","application_no")
);

-- CreateIndex
CREATE UNIQUE INDEX "admission_round_county_code_stage_season_year_key" ON "admission_round"("county_code", "stage", "season_year");

-- CreateIndex
CREATE INDEX "admission_result_round_id_delivered_at_idx" ON "admission_result"("round_id", "delivered_at");

-- AddForeignKey
ALTER TABLE "admission_round_applicant" ADD CONSTRAINT "admission_round_applicant_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "admission_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admission_result" ADD CONSTRAINT "admission_result_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "admission_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
