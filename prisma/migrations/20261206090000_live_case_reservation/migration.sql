-- The per-account cap of live cases (issue 13) is checked and taken in one step: a submission
-- reserves its slot under a per-account advisory lock, counting the account's live cases and the
-- slots its other submissions hold, so concurrent submissions cannot all pass the cap at once.
CREATE TABLE "live_case_reservation" (
    "owner_sub" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "reserved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_case_reservation_pkey" PRIMARY KEY ("owner_sub","workflow_id")
);
