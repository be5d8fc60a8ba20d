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
CREATE TABLE "released_place" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "school_id" TEXT NOT NULL,
    "released_by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "released_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "taken_by" TEXT,
    "closed_at" TIMESTAMP(3),
    "reallocated_in" TEXT,

    CONSTRAINT "released_place_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "released_place_round_id_school_id_state_idx" ON "released_place"("round_id", "school_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "admission_round_county_code_stage_season_year_sequence_key" ON "admission_round"("county_code", "stage", "season_year", "sequence");

-- AddForeignKey
ALTER TABLE "school_reporting" ADD CONSTRAINT "school_reporting_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
