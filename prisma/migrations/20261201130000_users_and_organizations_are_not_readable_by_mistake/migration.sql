-- Issue 7: a mistaken SELECT on "User" or "Organization" by the application role returns only
-- what the current settings may see. (No schema change: row-level security and functions.)
--
-- User rows are visible when
--   - it is the signed-in user (app.user_id);
--   - the user is a member of the current organisation (app.org_id; member lists, note authors);
--   - the user is an actor in the current organisation's audit trail (removed members' names);
--   - it is the user of the session being looked up (app.session_id; every signed-in request),
--     or of the reset token being consumed (app.reset_token).
-- Membership, AuditEvent, AuthSession and PasswordResetToken are read here under their own
-- policies: with app.org_id (or the session or token setting) set they
-- admit that organisation's rows, which is all these clauses need.
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "User" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_read ON "User" FOR SELECT
  USING (id = (SELECT current_setting('app.user_id', true))
         OR EXISTS (SELECT 1 FROM "AuthSession" s
                    WHERE s."userId" = "User".id
                      AND s.id = (SELECT current_setting('app.session_id', true)))
         OR EXISTS (SELECT 1 FROM "PasswordResetToken" t
                    WHERE t."userId" = "User".id
                      AND t."tokenHash" = (SELECT current_setting('app.reset_token', true)))
         OR EXISTS (SELECT 1 FROM "Membership" m
                    WHERE m."userId" = "User".id
                      AND m."organizationId" = (SELECT current_setting('app.org_id', true)))
         OR EXISTS (SELECT 1 FROM "AuditEvent" a
                    WHERE a."actorId" = "User".id
                      AND a."organizationId" = (SELECT current_setting('app.org_id', true))));
CREATE POLICY user_insert ON "User" FOR INSERT
  WITH CHECK (id = (SELECT current_setting('app.user_id', true)));
CREATE POLICY user_update ON "User" FOR UPDATE
  USING (id = (SELECT current_setting('app.user_id', true)))
  WITH CHECK (id = (SELECT current_setting('app.user_id', true)));

-- Organisations are visible when current (app.org_id), when the user (app.user_id) is a
-- member, when a held invitation names them (app.invite_token), or when they are CDMOs
-- (platform CDMOs are public in the directory). Inserted only as the current organisation.
ALTER TABLE "Organization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Organization" FORCE ROW LEVEL SECURITY;
CREATE POLICY organization_read ON "Organization" FOR SELECT
  USING (id = (SELECT current_setting('app.org_id', true))
         OR kind = 'CDMO'
         OR EXISTS (SELECT 1 FROM "Membership" m
                    WHERE m."organizationId" = "Organization".id
                      AND m."userId" = (SELECT current_setting('app.user_id', true)))
         OR EXISTS (SELECT 1 FROM "Invitation" i
                    WHERE i."organizationId" = "Organization".id
                      AND i."tokenHash" = (SELECT current_setting('app.invite_token', true))));
CREATE POLICY organization_insert ON "Organization" FOR INSERT
  WITH CHECK (id = (SELECT current_setting('app.org_id', true)));

-- The owner (the role running this migration: the seed, the CLI and the SECURITY DEFINER
-- functions run as it) sees and writes every row; FORCE would otherwise hide them from it too.
-- Its name is taken at run time, so no role name is written here.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_access ON "User" TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY owner_access ON "Organization" TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;

-- Lookups that must see beyond the current context, each returning only what its caller uses.
-- The account with this e-mail (sign-up, reset, invitation): id and name, never the hash.
CREATE FUNCTION auth_user_by_email(p_email text)
  RETURNS TABLE (id text, name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.id, u.name FROM "User" u WHERE u.email = p_email $$;

-- Slugs in use that start with a prefix (to pick a free one for a new organisation).
CREATE FUNCTION organization_slugs_with_prefix(p_prefix text)
  RETURNS TABLE (slug text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT o.slug FROM "Organization" o WHERE starts_with(o.slug, p_prefix) $$;

-- Every organisation's id and kind, for the daily jobs that sweep each organisation in turn.
CREATE FUNCTION organization_ids()
  RETURNS TABLE (id text, kind text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT o.id, o.kind::text FROM "Organization" o ORDER BY o.id $$;

REVOKE EXECUTE ON FUNCTION auth_user_by_email(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION organization_slugs_with_prefix(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION organization_ids() FROM PUBLIC;

-- An organisation's id, slug and kind by slug, for the operator's CLI (imports name the
-- organisation by slug; the operator is a member of none).
CREATE FUNCTION organization_by_slug(p_slug text)
  RETURNS TABLE (id text, slug text, kind text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT o.id, o.slug, o.kind::text FROM "Organization" o WHERE o.slug = p_slug $$;

REVOKE EXECUTE ON FUNCTION organization_by_slug(text) FROM PUBLIC;
