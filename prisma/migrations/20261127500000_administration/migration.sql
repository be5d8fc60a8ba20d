-- CreateTable
CREATE TABLE "registration_window" (
    "county_code" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "season_year" INTEGER NOT NULL,
    "opens_at" TIMESTAMP(3) NOT NULL,
    "closes_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "registration_window_pkey" PRIMARY KEY ("county_code","stage","season_year")
);
