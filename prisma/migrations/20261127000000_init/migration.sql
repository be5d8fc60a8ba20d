-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('PRIMARY_1', 'JUNIOR_1');

-- CreateEnum
CREATE TYPE "FormType" AS ENUM ('A', 'B');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ONLINE_WEB', 'ONLINE_MOBILE', 'OFFLINE');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('SUBMITTED', 'VERIFYING', 'AWAITING_REVIEW', 'NEEDS_SUPPLEMENT', 'AWAITING_OFFLINE_CHECK', 'APPROVED', 'REJECTED', 'ADMITTED', 'ASSIGNED_BY_BUREAU', 'NOT_ADMITTED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "CheckOutcome" AS ENUM ('MATCH', 'MISMATCH', 'NOT_FOUND', 'UNAVAILABLE');

-- CreateEnum
CREATE TYPE "SchoolType" AS ENUM ('PUBLIC', 'PRIVATE');

-- CreateTable
CREATE TABLE "season" (
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "primary_born_on_or_before" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "season_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "county" (
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "city_code" TEXT NOT NULL,
    "city_name_zh" TEXT NOT NULL,

    CONSTRAINT "county_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "school" (
    "id" TEXT NOT NULL,
    "county_code" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "name_zh" TEXT NOT NULL,
    "type" "SchoolType" NOT NULL,
    "places" INTEGER NOT NULL,

    CONSTRAINT "school_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_number_counter" (
    "season_year" INTEGER NOT NULL,
    "county_code" TEXT NOT NULL,
    "last_value" INTEGER NOT NULL,

    CONSTRAINT "application_number_counter_pkey" PRIMARY KEY ("season_year","county_code")
);

-- CreateTable
CREATE TABLE "application" (
    "application_no" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "season_year" INTEGER NOT NULL,
    "stage" "Stage" NOT NULL,
    "county_code" TEXT NOT NULL,
    "form_type" "FormType" NOT NULL,
    "channel" "Channel" NOT NULL,
    "child_key" TEXT NOT NULL,
    "child_name" TEXT NOT NULL,
    "child_id_masked" TEXT NOT NULL,
    "status" "EnrolmentStatus" NOT NULL,
    "last_event_seq" INTEGER NOT NULL,
    "status_changed_at" TIMESTAMP(3) NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "application_pkey" PRIMARY KEY ("application_no")
);

-- CreateTable
CREATE TABLE "application_event" (
    "id" BIGSERIAL NOT NULL,
    "application_no" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "from_status" "EnrolmentStatus",
    "to_status" "EnrolmentStatus" NOT NULL,
    "actor" TEXT NOT NULL,
    "channel" TEXT,
    "reason" TEXT,
    "occurred_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "application_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_result" (
    "application_no" TEXT NOT NULL,
    "check" TEXT NOT NULL,
    "outcome" "CheckOutcome" NOT NULL,
    "mismatched_fields" TEXT[],
    "evidence" JSONB NOT NULL,
    "checked_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_result_pkey" PRIMARY KEY ("application_no","check")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "county_code" TEXT,
    "action" TEXT NOT NULL,
    "application_no" TEXT,
    "before_status" TEXT,
    "after_status" TEXT,
    "reason" TEXT,
    "request_id" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "county_city_code_idx" ON "county"("city_code");

-- CreateIndex
CREATE INDEX "school_county_code_stage_idx" ON "school"("county_code", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "application_workflow_id_key" ON "application"("workflow_id");

-- CreateIndex
CREATE INDEX "application_county_code_status_idx" ON "application"("county_code", "status");

-- CreateIndex
CREATE INDEX "application_child_key_idx" ON "application"("child_key");

-- CreateIndex
CREATE UNIQUE INDEX "application_event_application_no_seq_key" ON "application_event"("application_no", "seq");

-- CreateIndex
CREATE INDEX "audit_log_application_no_idx" ON "audit_log"("application_no");

-- CreateIndex
CREATE INDEX "audit_log_occurred_at_idx" ON "audit_log"("occurred_at");

-- AddForeignKey
ALTER TABLE "school" ADD CONSTRAINT "school_county_code_fkey" FOREIGN KEY ("county_code") REFERENCES "county"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_event" ADD CONSTRAINT "application_event_application_no_fkey" FOREIGN KEY ("application_no") REFERENCES "application"("application_no") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_result" ADD CONSTRAINT "verification_result_application_no_fkey" FOREIGN KEY ("application_no") REFERENCES "application"("application_no") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only for everyone, the service's own role included (DESIGN.md §6).
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
