-- A comment on a programme's shortlist that @mentions colleagues notifies exactly those people,
-- not the whole organisation: notify_org cannot say that, and a member may not write someone
-- else's notification (row-level security on "Notification"). This function writes one for each
-- listed user who is a member of the current organisation (app.org_id), silently skipping any
-- other id, and returns those who want this kind by e-mail, as notify_org does.
CREATE FUNCTION notify_members(p_users text[], p_kind text, p_title text, p_body text, p_link text)
  RETURNS TABLE (email text, name text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  me text := coalesce(current_setting('app.org_id', true), '');
  users text[];
BEGIN
  IF me = '' THEN RAISE EXCEPTION 'notify_members needs an organisation'; END IF;
  SELECT coalesce(array_agg(DISTINCT m."userId"), '{}') INTO users FROM "Membership" m
  WHERE m."organizationId" = me AND m."userId" = ANY (coalesce(p_users, '{}'));
  RETURN QUERY
  WITH inserted AS (
    INSERT INTO "Notification" (id, "userId", "contextOrgId", kind, title, body, link)
    SELECT 'n' || replace(gen_random_uuid()::text, '-', ''), u, me, p_kind::"NotificationKind", p_title, p_body, p_link
    FROM unnest(users) AS u
    RETURNING "userId"
  )
  SELECT u.email, u.name FROM inserted x JOIN "User" u ON u.id = x."userId"
  WHERE NOT EXISTS (SELECT 1 FROM "NotificationPreference" p
                    WHERE p."userId" = x."userId" AND p.kind = p_kind::"NotificationKind" AND NOT p.email);
END $$;
REVOKE EXECUTE ON FUNCTION notify_members(text[], text, text, text, text) FROM PUBLIC;
