-- Place-shortage early warning (学位预警, issue 15 items 1–3; docs/early-warning.md): the school-age
-- population the data-sharing platform reports per county and the date it describes; a county's
-- warning thresholds (policy data); the forecast and warning level per school, stage and season;
-- the outbox of level changes for the county's and city's administrators; and the warnings a
-- bureau has chosen to publish.
CREATE TABLE "population_snapshot" (
    "county_code" TEXT NOT NULL,
    "as_of" DATE NOT NULL,
    "units" JSONB NOT NULL,
    "pulled_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "population_snapshot_pkey" PRIMARY KEY ("county_code", "as_of")
);

CREATE TABLE "warning_policy" (
    "county_code" TEXT NOT NULL,
    "yellow" DOUBLE PRECISION NOT NULL,
    "orange" DOUBLE PRECISION NOT NULL,
    "red" DOUBLE PRECISION NOT NULL,
    "default_take_up" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warning_policy_pkey" PRIMARY KEY ("county_code"),
    CONSTRAINT "warning_policy_order_check" CHECK ("yellow" <= "orange" AND "orange" <= "red")
);

CREATE TABLE "school_warning" (
    "school_id" TEXT NOT NULL,
    "season_year" INTEGER NOT NULL,
    "county_code" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "places" INTEGER NOT NULL,
    "cohort" DOUBLE PRECISION NOT NULL,
    "forecast" DOUBLE PRECISION NOT NULL,
    "forecast_low" DOUBLE PRECISION NOT NULL,
    "forecast_high" DOUBLE PRECISION NOT NULL,
    "live_first_choice" INTEGER,
    "live_by_tier" JSONB,
    "basis" TEXT NOT NULL,
    "demand" DOUBLE PRECISION NOT NULL,
    "ratio" DOUBLE PRECISION,
    "level" TEXT NOT NULL,
    "changes" INTEGER NOT NULL DEFAULT 0,
    "population_as_of" DATE,
    "computed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "school_warning_pkey" PRIMARY KEY ("school_id", "season_year"),
    CONSTRAINT "school_warning_basis_check" CHECK ("basis" IN ('FORECAST', 'LIVE')),
    CONSTRAINT "school_warning_level_check" CHECK ("level" IN ('GREEN', 'YELLOW', 'ORANGE', 'RED'))
);
CREATE INDEX "school_warning_county_code_stage_season_year_idx" ON "school_warning"("county_code", "stage", "season_year");

CREATE TABLE "warning_notification" (
    "id" BIGSERIAL NOT NULL,
    "county_code" TEXT NOT NULL,
    "city_code" TEXT NOT NULL,
    "school_id" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "season_year" INTEGER NOT NULL,
    "change" INTEGER NOT NULL,
    "from_level" TEXT NOT NULL,
    "to_level" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "summary_zh" TEXT NOT NULL,
    "summary_en" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warning_notification_pkey" PRIMARY KEY ("id")
);
-- One notice per change of a school's level, however often the computation that found it is retried.
CREATE UNIQUE INDEX "warning_notification_school_id_season_year_change_key" ON "warning_notification"("school_id", "season_year", "change");
CREATE INDEX "warning_notification_county_code_created_at_idx" ON "warning_notification"("county_code", "created_at");

CREATE TABLE "warning_publication" (
    "county_code" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "season_year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "published_by" TEXT NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warning_publication_pkey" PRIMARY KEY ("county_code", "stage", "season_year", "version")
);
