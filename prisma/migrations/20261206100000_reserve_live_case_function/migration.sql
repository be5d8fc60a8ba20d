-- A submission's live-case slot (issue 13) taken in one round trip instead of a transaction of six
-- (issue 18: on a saturated machine each round trip waits its turn for a core). Same rule as
-- before: under the account's advisory lock, the account's other live cases and the slots its
-- other submissions hold are counted (each child once, counting stops at the cap); with room,
-- the account's expired slots go and this child's is taken or renewed. In READ COMMITTED each
-- statement of a VOLATILE function takes a new snapshot, so the count after the lock sees every
-- submission that held it before.
CREATE FUNCTION "reserve_live_case"(
    "p_owner" TEXT,
    "p_workflow" TEXT,
    "p_limit" INTEGER,
    "p_final_statuses" TEXT[],
    "p_ttl_ms" INTEGER
) RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    others INTEGER;
    -- The columns hold UTC without a zone, as Prisma writes them, whatever the session's zone.
    now_utc TIMESTAMP(3) := timezone('UTC', now());
    fresh_after TIMESTAMP(3) := now_utc - "p_ttl_ms" * INTERVAL '1 millisecond';
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('live-cases/' || "p_owner", 0));
    SELECT count(*) INTO others FROM (
        SELECT "workflow_id" FROM "application"
        WHERE "owner_sub" = "p_owner" AND "workflow_id" <> "p_workflow"
          AND "status"::text <> ALL("p_final_statuses")
        UNION
        SELECT "workflow_id" FROM "live_case_reservation"
        WHERE "owner_sub" = "p_owner" AND "workflow_id" <> "p_workflow"
          AND "reserved_at" > fresh_after
        LIMIT "p_limit"
    ) AS cases;
    IF others >= "p_limit" THEN
        RETURN FALSE;
    END IF;
    DELETE FROM "live_case_reservation"
    WHERE "owner_sub" = "p_owner" AND "reserved_at" <= fresh_after;
    INSERT INTO "live_case_reservation" ("owner_sub", "workflow_id", "reserved_at")
    VALUES ("p_owner", "p_workflow", now_utc)
    ON CONFLICT ("owner_sub", "workflow_id") DO UPDATE SET "reserved_at" = EXCLUDED."reserved_at";
    RETURN TRUE;
END;
$$;
