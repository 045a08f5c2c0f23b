-- Issue 7: the e-mail outbox holds password-reset and invitation links. Anyone may add a message
-- (INSERT; without RETURNING, which would need the read policy too), but reading, updating or
-- deleting messages needs app.outbox = 'on' in the transaction, which only
-- src/server/db/outbox.ts (withOutboxAccess: the /dev/outbox page, delivery, tests) sets. A
-- mistaken tx.emailOutbox.findMany() anywhere else - a tenant transaction included - reads nothing.
--
-- Why a setting rather than SECURITY DEFINER functions: delivery reads and updates messages
-- in bulk with ordinary queries; the setting is transaction-local and set in one module under
-- src/server/db/, the only folder where raw SQL (so set_config) passes the lint rule.
ALTER TABLE "EmailOutbox" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "EmailOutbox" FORCE ROW LEVEL SECURITY;
CREATE POLICY outbox_insert ON "EmailOutbox" FOR INSERT
  WITH CHECK (true);
CREATE POLICY outbox_access ON "EmailOutbox"
  USING ((SELECT current_setting('app.outbox', true)) = 'on')
  WITH CHECK ((SELECT current_setting('app.outbox', true)) = 'on');
