-- Issue 8: the RFP deadline jobs (rfp.close, rfp.deadline-reminder) run with nobody signed in
-- and must find due RFPs in every sponsor organisation. Each function returns only ids and the
-- owning organisation; the job then acts on each RFP in that organisation's own tenant
-- transaction, under its row-level security. (No schema change.)
--
-- The functions run as the owner, who is under the same forced row-level security as the app:
-- they read each sponsor's RFPs as that sponsor (app.org_id set per organisation, as notify_org
-- does for memberships) and restore the caller's setting, so they hold no wider view than that.

-- Published RFPs whose due date has passed: their stored status still says PUBLISHED.
CREATE FUNCTION rfps_due_to_close(p_now timestamptz, p_limit int)
  RETURNS TABLE (id text, "organizationId" text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  me text := coalesce(current_setting('app.org_id', true), '');
  o record;
BEGIN
  FOR o IN SELECT x.id FROM "Organization" x WHERE x.kind = 'SPONSOR' ORDER BY x.id LOOP
    PERFORM set_config('app.org_id', o.id, true);
    RETURN QUERY SELECT r.id, r."organizationId" FROM "Rfp" r
      WHERE r."organizationId" = o.id AND r.status = 'PUBLISHED' AND r."dueAt" <= p_now
      ORDER BY r."dueAt", r.id LIMIT p_limit;
  END LOOP;
  PERFORM set_config('app.org_id', me, true);
END $$;

-- Published RFPs due within p_window whose reminder has not gone out for this due date.
CREATE FUNCTION rfps_due_for_reminder(p_now timestamptz, p_window interval, p_limit int)
  RETURNS TABLE (id text, "organizationId" text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  me text := coalesce(current_setting('app.org_id', true), '');
  o record;
BEGIN
  FOR o IN SELECT x.id FROM "Organization" x WHERE x.kind = 'SPONSOR' ORDER BY x.id LOOP
    PERFORM set_config('app.org_id', o.id, true);
    RETURN QUERY SELECT r.id, r."organizationId" FROM "Rfp" r
      WHERE r."organizationId" = o.id AND r.status = 'PUBLISHED'
        AND r."dueAt" > p_now AND r."dueAt" <= p_now + p_window
        AND r."reminderDueAt" IS DISTINCT FROM r."dueAt"
      ORDER BY r."dueAt", r.id LIMIT p_limit;
  END LOOP;
  PERFORM set_config('app.org_id', me, true);
END $$;

REVOKE EXECUTE ON FUNCTION rfps_due_to_close(timestamptz, int) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rfps_due_for_reminder(timestamptz, interval, int) FROM PUBLIC;
