-- AlterTable: catchments and feeder primaries of schools.
ALTER TABLE "school" ADD COLUMN "catchment_units" TEXT[],
ADD COLUMN "feeder_primary_ids" TEXT[];

-- CreateTable
CREATE TABLE "housing_lock" (
    "certificate_no" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "locked_until" DATE NOT NULL,
    "application_no" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "housing_lock_pkey" PRIMARY KEY ("certificate_no")
);

-- CreateTable
CREATE TABLE "eligibility_assessment" (
    "application_no" TEXT NOT NULL,
    "policy_version" TEXT NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "notes" JSONB NOT NULL,
    "schools" JSONB NOT NULL,
    "auto_fill" JSONB NOT NULL,
    "facts" JSONB NOT NULL,
    "assessed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "eligibility_assessment_pkey" PRIMARY KEY ("application_no")
);

-- CreateTable
CREATE TABLE "admission_policy" (
    "county_code" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "season_year" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admission_policy_pkey" PRIMARY KEY ("county_code","stage","season_year")
);

-- AddForeignKey
ALTER TABLE "eligibility_assessment" ADD CONSTRAINT "eligibility_assessment_application_no_fkey" FOREIGN KEY ("application_no") REFERENCES "application"("application_no") ON DELETE RESTRICT ON UPDATE CASCADE;
