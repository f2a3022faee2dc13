-- Hand-written (security issue #13, finding 7): the audit log is append-only by privilege, not only
-- by the triggers of 0002. The owner of a table may drop or disable its triggers, and the owner of
-- a function may replace it, and the migrating role (the application's role) created both, so it
-- owned them. Here audit_log (with its id sequence and indexes) and its trigger function pass to
-- caremap_audit_owner, a NOLOGIN role, and the application's role keeps SELECT and INSERT on the
-- table and USAGE on the sequence: UPDATE, DELETE and TRUNCATE are refused as "permission denied",
-- DROP TRIGGER and ALTER TABLE ... DISABLE TRIGGER as "must be owner". The triggers stay: they also
-- refuse a superuser, whom privileges do not bind.
--
-- What happens depends on the role that runs the migration:
-- * superuser (PGlite is always one; PostgreSQL run as postgres): ownership moves, but a superuser
--   bypasses privilege checks, so the REVOKE cannot bind it and only the triggers guard against it.
--   Moving ownership is harmless, and a later switch to a non-superuser application role is then
--   already protected.
-- * non-superuser with CREATEROLE: as above. ALTER ... OWNER TO requires membership in the new
--   owner role, so current_user is granted it for the move and loses it afterwards: a member would
--   have the owner's rights (DROP TRIGGER, DISABLE TRIGGER), which would undo the protection. The new
--   owner also needs CREATE on the schema, so the schema's owner (on PostgreSQL 15+, public belongs
--   to the database owner) grants it for the move and revokes it afterwards.
-- * neither, or a step is refused (the schema belongs to someone else; on PostgreSQL 16+ the owner
--   role was created by another role, so granting it needs ADMIN OPTION): nothing changes, and a
--   WARNING (also in the server log) names the SQL an administrator should run.
-- A role that keeps CREATEROLE can grant itself caremap_audit_owner again later, so the operator
-- should take CREATEROLE away after the first migration (ALTER ROLE <app> NOCREATEROLE). A role that
-- owns the schema can still DROP TABLE audit_log; that needs the database owned by another role.
-- A later migration that alters audit_log must run as a superuser or repeat the grant and revoke.
--
-- Roles are cluster-wide: caremap_audit_owner is created only if missing, and a creator racing in
-- another database (duplicate_object, or unique_violation when both inserted at once) is tolerated.
DO $$
DECLARE
  owner_role constant name := 'caremap_audit_owner';
  app constant name := current_user;
  seq constant text := pg_get_serial_sequence('audit_log', 'id');
  ns constant text := (SELECT relnamespace::regnamespace::text FROM pg_class WHERE oid = 'audit_log'::regclass);
  fn constant regprocedure := 'caremap_audit_log_append_only()'::regprocedure;
  is_super boolean;
  may_create_role boolean;
  had_schema_create boolean;
  admin_sql text;
BEGIN
  SELECT rolsuper, rolcreaterole INTO is_super, may_create_role FROM pg_roles WHERE rolname = app;
  admin_sql := format(
    'CREATE ROLE %1$I NOLOGIN; ALTER TABLE audit_log OWNER TO %1$I; ALTER FUNCTION %4$s OWNER TO %1$I; '
    'REVOKE ALL ON TABLE audit_log FROM PUBLIC, %2$I; GRANT SELECT, INSERT ON TABLE audit_log TO %2$I; '
    'REVOKE ALL ON SEQUENCE %3$s FROM PUBLIC, %2$I; GRANT USAGE ON SEQUENCE %3$s TO %2$I;',
    owner_role, app, seq, fn);

  IF (SELECT relowner::regrole::name FROM pg_class WHERE oid = 'audit_log'::regclass) = owner_role THEN
    RAISE NOTICE 'audit_log is already owned by %; nothing to do', owner_role;
    RETURN;
  END IF;

  IF NOT (is_super OR may_create_role) THEN
    RAISE WARNING 'audit_log stays owned by the application role %, protected by triggers only: '
      'the role is neither superuser nor has CREATEROLE', app
      USING HINT = 'An administrator (superuser) should run in this database (without CREATE ROLE if '
        'the role exists): ' || admin_sql;
    RETURN;
  END IF;

  -- One block: when a step is refused, all of it (the temporary grants too) is rolled back.
  BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = owner_role) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', owner_role);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created meanwhile by a migration in another database of this cluster
      END;
    END IF;
    IF NOT is_super THEN
      EXECUTE format('GRANT %I TO %I', owner_role, app);
    END IF;
    had_schema_create := has_schema_privilege(owner_role, ns, 'CREATE');
    IF NOT had_schema_create AND NOT is_super THEN
      EXECUTE format('GRANT CREATE ON SCHEMA %s TO %I', ns, owner_role);
    END IF;

    EXECUTE format('ALTER TABLE audit_log OWNER TO %I', owner_role);
    EXECUTE format('ALTER FUNCTION %s OWNER TO %I', fn, owner_role);
    EXECUTE format('REVOKE ALL ON TABLE audit_log FROM PUBLIC, %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON TABLE audit_log TO %I', app);
    EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM PUBLIC, %I', seq, app);
    EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I', seq, app);

    IF NOT had_schema_create AND NOT is_super THEN
      EXECUTE format('REVOKE CREATE ON SCHEMA %s FROM %I', ns, owner_role);
    END IF;
    IF NOT is_super THEN
      EXECUTE format('REVOKE %I FROM %I', owner_role, app);
    END IF;
  EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'audit_log stays owned by the application role %, protected by triggers only: %',
      app, SQLERRM
      USING HINT = 'An administrator (superuser) should run in this database (without CREATE ROLE if '
        'the role exists): ' || admin_sql;
    RETURN;
  END;

  IF NOT is_super AND pg_has_role(app, owner_role, 'MEMBER') THEN
    RAISE WARNING 'role % is still a member of %, so it keeps the owner''s rights on audit_log', app, owner_role
      USING HINT = format('An administrator (superuser) should run: REVOKE %I FROM %I;', owner_role, app);
  END IF;
END $$;
