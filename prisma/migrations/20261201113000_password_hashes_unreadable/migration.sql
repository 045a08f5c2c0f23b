-- Issue 7: the application role may not SELECT "User"."passwordHash" (column privileges, given
-- by the grant step in src/server/db/grants.ts), so no query returns a password hash - not even
-- a mistaken tx.user.findMany() inside a tenant transaction. Sign-in and password change read a
-- hash through these two functions only. They run as their owner (SECURITY DEFINER, with a
-- fixed search_path) and answer for one e-mail or one user id.
--
-- Why functions rather than a policy keyed on a setting the auth module sets: row-level security
-- filters rows, not columns. Users' rows must stay readable (members' names and e-mails), only
-- the hash must not; and a setting can be set by any code that reaches set_config, while
-- EXECUTE on these functions is a privilege of the role, granted and revoked in one place.

CREATE FUNCTION auth_credentials(p_email text)
  RETURNS TABLE (id text, email text, name text, "passwordHash" text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.id, u.email, u.name, u."passwordHash" FROM "User" u WHERE u.email = p_email $$;

CREATE FUNCTION auth_password_hash(p_user_id text)
  RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u."passwordHash" FROM "User" u WHERE u.id = p_user_id $$;

REVOKE EXECUTE ON FUNCTION auth_credentials(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION auth_password_hash(text) FROM PUBLIC;
