-- The application's privileges (docs/audit.md): the API and the worker connect as a login role
-- that is a member of "gx_app"; migrations run as the owner. "gx_app" may read and write the
-- service's tables but only insert into and read the audit log, and, owning nothing, cannot alter,
-- disable or drop the audit log's triggers. Roles are cluster-wide: created once, granted here per
-- database; a second database's migration (or a concurrent one) finds it already there.
DO $$
BEGIN
    CREATE ROLE "gx_app" NOLOGIN;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END;
$$;

DO $$
BEGIN
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO "gx_app"', current_database());
END;
$$;

GRANT USAGE ON SCHEMA public TO "gx_app";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "gx_app";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "gx_app";
REVOKE ALL ON "_prisma_migrations" FROM "gx_app";

REVOKE ALL ON "audit_log" FROM "gx_app";
GRANT SELECT, INSERT ON "audit_log" TO "gx_app";
-- nextval needs USAGE only; UPDATE would let the role setval the chain's ids.
REVOKE ALL ON SEQUENCE "audit_log_id_seq" FROM "gx_app";
GRANT USAGE ON SEQUENCE "audit_log_id_seq" TO "gx_app";

-- Tables and sequences later migrations create (as this owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "gx_app";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "gx_app";
