-- Issue 7: sessions, password-reset tokens and pending sign-ups are not readable by a mistaken
-- query of the application role. (No schema change: only row-level security and a function.)
--
-- Sessions and reset tokens: forced row-level security keyed on settings that only the auth
-- code sets, for one transaction or one statement (src/server/db/auth-scope.ts):
--   app.session_id  - the session being looked up or revoked (every signed-in request);
--   app.user_id     - the user whose sessions are created or all revoked (sign-in, password
--                     change and reset); tenant transactions set it to the signed-in user, so
--                     there a mistake reaches that user's own sessions at most;
--   app.reset_token - the hash of the reset token being issued or consumed.
-- With none of them set, SELECT returns no rows and UPDATE/DELETE touch none.
ALTER TABLE "AuthSession" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuthSession" FORCE ROW LEVEL SECURITY;
CREATE POLICY auth_session_access ON "AuthSession"
  USING (id = (SELECT current_setting('app.session_id', true))
         OR "userId" = (SELECT current_setting('app.user_id', true)))
  WITH CHECK ("userId" = (SELECT current_setting('app.user_id', true)));

ALTER TABLE "PasswordResetToken" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PasswordResetToken" FORCE ROW LEVEL SECURITY;
CREATE POLICY reset_token_access ON "PasswordResetToken"
  USING ("tokenHash" = (SELECT current_setting('app.reset_token', true)))
  WITH CHECK ("tokenHash" = (SELECT current_setting('app.reset_token', true)));

-- Pending sign-ups hold a password hash, an e-mail and a name. The application role may only
-- INSERT them (src/server/db/grants.ts); the e-mailed link claims one through this function,
-- which marks it used and returns it (hash included) in one statement, for the token's hash
-- only, and only once, before it expires (times are UTC, as Prisma writes them). It runs as
-- its owner with a fixed search_path.
CREATE FUNCTION auth_claim_sign_up(p_token_hash text)
  RETURNS TABLE (email text, name text, "passwordHash" text, "organizationName" text, "organizationKind" text)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE "SignUpRequest" r SET "usedAt" = now() AT TIME ZONE 'UTC'
    WHERE r."tokenHash" = p_token_hash AND r."usedAt" IS NULL AND r."expiresAt" > now() AT TIME ZONE 'UTC'
    RETURNING r.email, r.name, r."passwordHash", r."organizationName", r."organizationKind"::text
  $$;

REVOKE EXECUTE ON FUNCTION auth_claim_sign_up(text) FROM PUBLIC;
