-- The operations console's projection of failing activities (issue 18): one row per activity of a
-- case whose last attempt failed, kept by the worker, so counting failing cases needs no describe
-- call per running workflow.
CREATE TABLE "failing_activity" (
    "workflow_id" TEXT NOT NULL,
    "activity_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "application_no" TEXT NOT NULL,
    "activity_type" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "error_type" TEXT NOT NULL,
    "failure" TEXT NOT NULL,
    "failed_at" TIMESTAMP(3) NOT NULL,
    "next_attempt_at" TIMESTAMP(3),
    "gives_up_at" TIMESTAMP(3),

    CONSTRAINT "failing_activity_pkey" PRIMARY KEY ("workflow_id","activity_id")
);

CREATE INDEX "failing_activity_application_no_idx" ON "failing_activity"("application_no");
