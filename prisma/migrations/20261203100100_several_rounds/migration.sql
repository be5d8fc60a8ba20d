-- Several rounds per county, stage and season: a main round, then 补录 rounds.
DROP INDEX "admission_round_county_code_stage_season_year_key";

-- AlterTable
ALTER TABLE "admission_round" ADD COLUMN     "basis" JSONB,
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "school" ADD COLUMN     "address" TEXT;

-- CreateTable
CREATE TABLE "school_reporting" (
    "school_id" TEXT NOT NULL,
    "season_year" INTEGER NOT NULL,
    "report_from" TIMESTAMP(3) NOT NULL,
    "report_until" TIMESTAMP(3) NOT NULL,
    "materials" JSONB NOT NULL,

    CONSTRAINT "school_reporting_pkey" PRIMARY KEY ("school_id","season_year")
);

-- CreateTable
CREATE TABLE "place_release" (
    "id" BIGSERIAL NOT NULL,
    "school_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "application_no" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "released_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refilled_by" TEXT,
    "reallocated_in" TEXT,

    CONSTRAINT "place_release_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "place_release_school_id_idx" ON "place_release"("school_id");

-- CreateIndex
CREATE UNIQUE INDEX "place_release_round_id_application_no_key" ON "place_release"("round_id", "application_no");

-- CreateIndex
CREATE UNIQUE INDEX "admission_round_county_code_stage_season_year_sequence_key" ON "admission_round"("county_code", "stage", "season_year", "sequence");

-- AddForeignKey
ALTER TABLE "school_reporting" ADD CONSTRAINT "school_reporting_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place_release" ADD CONSTRAINT "place_release_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "admission_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
