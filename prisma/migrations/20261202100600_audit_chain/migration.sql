-- Audit rows an assessor accepts (issue 13): subject, object, action, result, the server's and the
-- client's request ids kept apart, the source address; and a hash chain over every row.
ALTER TABLE "audit_log"
    ADD COLUMN "result" TEXT NOT NULL DEFAULT 'SUCCESS',
    ADD COLUMN "status_code" INTEGER,
    ADD COLUMN "object_type" TEXT,
    ADD COLUMN "object_id" TEXT,
    ADD COLUMN "client_request_id" TEXT,
    ADD COLUMN "source_address" TEXT,
    ADD COLUMN "prev_hash" TEXT,
    ADD COLUMN "hash" TEXT;

CREATE INDEX "audit_log_actor_idx" ON "audit_log"("actor");
CREATE INDEX "audit_log_action_idx" ON "audit_log"("action");
CREATE INDEX "audit_log_object_type_object_id_idx" ON "audit_log"("object_type", "object_id");

-- What a row's hash covers: every column but the two hashes, as canonical JSON (jsonb orders its
-- keys; nulls are left out, so a nullable column added later leaves earlier rows' hashes intact).
-- `npm run audit:verify` recomputes the hashes in the application from this text.
CREATE FUNCTION "audit_log_content"("row" "audit_log") RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT jsonb_strip_nulls(to_jsonb("row") - 'hash' - 'prev_hash')::text
$$;

CREATE FUNCTION "audit_log_hash"("prev_hash" TEXT, "content" TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to("prev_hash" || "content", 'UTF8')), 'hex')
$$;

-- Chains each new row to the last one. The advisory lock serialises writers until they commit, and
-- the id is drawn under it, so ids follow the chain's order whatever the concurrency.
CREATE FUNCTION "audit_log_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous TEXT;
BEGIN
    PERFORM pg_advisory_xact_lock(72707370);
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    SELECT "hash" INTO previous FROM "audit_log" ORDER BY "id" DESC LIMIT 1;
    NEW.prev_hash := coalesce(previous, repeat('0', 64));
    NEW.hash := audit_log_hash(NEW.prev_hash, audit_log_content(NEW));
    RETURN NEW;
END;
$$;

-- Rows written before the chain existed join it, in id order (as the owner, the only time).
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update_delete";
DO $$
DECLARE
    r "audit_log";
    previous TEXT := repeat('0', 64);
BEGIN
    FOR r IN SELECT * FROM "audit_log" ORDER BY "id" LOOP
        UPDATE "audit_log"
           SET "prev_hash" = previous, "hash" = audit_log_hash(previous, audit_log_content(r))
         WHERE "id" = r.id
        RETURNING "hash" INTO previous;
    END LOOP;
END;
$$;
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update_delete";

-- The trigger fills both; the defaults only let a client leave them out.
ALTER TABLE "audit_log"
    ALTER COLUMN "prev_hash" SET NOT NULL, ALTER COLUMN "prev_hash" SET DEFAULT '',
    ALTER COLUMN "hash" SET NOT NULL, ALTER COLUMN "hash" SET DEFAULT '';

CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();
