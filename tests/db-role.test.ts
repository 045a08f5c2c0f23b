import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveAuthSession, revokeSession } from "@/server/auth/sessions";
import { createDb, getDb } from "@/server/db/client";
import { credentialsByEmail, passwordHashOf } from "@/server/db/credentials";
import { withOutboxAccess } from "@/server/db/outbox";
import { sendEmail } from "@/server/email/send-email";
import { withTenant } from "@/server/db/tenant";
import { fullClientOf } from "@/server/db/tenant-db";
import { createTestDb, testDbKind, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, TEST_PASSWORD } from "./helpers/actors";
import { authOptions } from "@/server/auth/options";

// Finding 8: the application's database role must not be able to switch the protections off.
// It owns nothing (migrations run as the owner), so ALTER TABLE in any form is refused, and it
// holds no UPDATE/DELETE/TRUNCATE on the audit trail. Checked on PGlite (where the superuser
// connection has switched to cdmo_app) and on PostgreSQL (where the app logs in as cdmo_app).

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

/**
 * Run one statement as the app role, in its own transaction, as organisation `orgId` when
 * given (a string), or with these settings (`{ "app.user_id": ... }`).
 */
async function asApp(sql: string, settings?: string | Record<string, string>): Promise<unknown> {
  const db = await getDb();
  const vars = typeof settings === "string" ? { "app.org_id": settings } : (settings ?? {});
  return db.$transaction(async (tx) => {
    for (const [name, value] of Object.entries(vars)) {
      await tx.$queryRawUnsafe(`SELECT set_config($1, $2, true)`, name, value);
    }
    return tx.$queryRawUnsafe(sql);
  });
}

/** The credentials provider's authorize (sign-in: hash check, then a new session row). */
async function authorizeAs(email: string, password: string): Promise<{ id: string; email?: string } | null> {
  type Authorize = (c: Record<string, string>, req: unknown) => Promise<{ id: string; email?: string } | null>;
  const { authorize } = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options;
  return authorize({ email, password }, { headers: {} });
}

const REFUSED = /must be owner|permission denied/i;

describe(`database role (${testDbKind()})`, () => {
  it("the application runs as cdmo_app: not a superuser, no BYPASSRLS, and it owns no table, view or sequence", async () => {
    const db = await getDb();
    const [me] = await db.$queryRaw<{ u: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }[]>`
      SELECT current_user AS u, rolsuper, rolbypassrls,
        (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
             AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owned
      FROM pg_roles WHERE rolname = current_user`;
    expect(me).toEqual({ u: "cdmo_app", rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it("the tables belong to another role, which is the one migrations ran as", async () => {
    const rows = (await t.adminQuery(`
      SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'`)) as { owner: string }[];
    expect(rows.map((r) => r.owner)).toEqual([t.kind === "postgres" ? "cdmo_owner" : "postgres"]);
  });

  it("refuses to start as a superuser or as the tables' owner", async () => {
    if (t.kind === "postgres") {
      const superuser = new URL(t.appUrl!);
      superuser.username = "postgres";
      for (const [url, why] of [
        [superuser.toString(), /superuser/],
        [t.ownerUrl!, /owns the table/],
      ] as const) {
        const handle = createDb({ kind: "postgres", url });
        await expect(handle.ready).rejects.toThrow(why);
        await handle.prisma.$disconnect();
      }
    } else {
      // PGlite's own connection is a superuser; the client must have switched away from it.
      const [row] = await (
        await getDb()
      ).$queryRaw<{ u: string; s: string }[]>`SELECT current_user AS u, session_user AS s`;
      expect(row).toEqual({ u: "cdmo_app", s: "postgres" });
    }
  });

  it("cannot alter a table, disable the audit trigger or switch row-level security off", async () => {
    const org = await makeOrg("SPONSOR", await makeUser("role-owner"));
    const attempts = [
      `ALTER TABLE "Vendor" ADD COLUMN sneaky text`,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update`,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
      `ALTER TABLE "Vendor" NO FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE "Membership" DISABLE ROW LEVEL SECURITY`,
      `DROP POLICY tenant_isolation ON "VendorNote"`,
      `CREATE POLICY everything ON "VendorNote" USING (true)`,
      `CREATE TABLE public.sneaky (id int)`,
      `DROP TABLE "SavedFilter"`,
    ];
    for (const sql of attempts) await expect(asApp(sql, org.id), sql).rejects.toThrow(REFUSED);
    const [{ forced }] = (await t.adminQuery(
      `SELECT relforcerowsecurity AS forced FROM pg_class WHERE relname = 'Vendor'`,
    )) as { forced: boolean }[];
    expect(forced).toBe(true);
  });

  it("has no UPDATE, DELETE or TRUNCATE on the audit trail (refused by privilege, before the trigger)", async () => {
    const org = await makeOrg("SPONSOR", await makeUser("auditor"));
    for (const sql of [`UPDATE "AuditEvent" SET action = 'x'`, `DELETE FROM "AuditEvent"`, `TRUNCATE "AuditEvent"`]) {
      await expect(asApp(sql, org.id), sql).rejects.toThrow(/permission denied/i);
    }
    const grants = (await t.adminQuery(`
      SELECT privilege_type AS p FROM information_schema.role_table_grants
      WHERE grantee = 'cdmo_app' AND table_name = 'AuditEvent' ORDER BY 1`)) as { p: string }[];
    expect(grants.map((g) => g.p)).toEqual(["INSERT", "SELECT"]);
    // The migration bookkeeping is read-only to the app (for /api/health), never written.
    await expect(asApp(`SELECT count(*) FROM "_prisma_migrations"`)).resolves.toBeDefined();
    await expect(asApp(`DELETE FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/i);
    await expect(asApp(`UPDATE "_prisma_migrations" SET checksum = 'x'`)).rejects.toThrow(/permission denied/i);
  });

  it("cannot read another tenant's rows, even with raw SQL", async () => {
    const a = await makeOrg("SPONSOR", await makeUser("tenant-a"));
    const b = await makeOrg("SPONSOR", await makeUser("tenant-b"));
    const db = await getDb();
    await withTenant(db, { orgId: b.id }, (tx) =>
      tx.savedFilter.create({ data: { userId: "u", name: "b's secret", query: {} } }),
    );
    const seen = (await asApp(
      `SELECT name FROM "SavedFilter" UNION ALL SELECT action FROM "AuditEvent" WHERE "organizationId" = '${b.id}'`,
      a.id,
    )) as unknown[];
    expect(seen).toEqual([]);
    const own = (await asApp(`SELECT name FROM "SavedFilter"`, b.id)) as { name: string }[];
    expect(own.map((r) => r.name)).toEqual(["b's secret"]);
  });

  it("reads no password hash, even from a mistaken query in a tenant transaction; sign-in reads it through one function", async () => {
    const user = await makeUser("hash-owner");
    const org = await makeOrg("SPONSOR", user);
    const db = await getDb();
    // The mistake the issue describes: the whole User row, inside a tenant transaction. A
    // TenantDb has no \`user\` (a compile error now); past the type, the database still refuses.
    await expect(
      withTenant(db, { orgId: org.id, userId: user.id }, (tx) => fullClientOf(tx).user.findMany()),
    ).rejects.toThrow(/permission denied/i);
    for (const sql of [`SELECT * FROM "User"`, `SELECT "passwordHash" FROM "User"`, `SELECT u FROM "User" u`]) {
      await expect(asApp(sql, org.id), sql).rejects.toThrow(/permission denied/i);
    }
    // Everything but the hash stays readable: names and e-mails of members.
    const names = await withTenant(db, { orgId: org.id }, (tx) =>
      fullClientOf(tx).user.findMany({ where: { id: user.id }, select: { id: true, email: true, name: true } }),
    );
    expect(names).toEqual([{ id: user.id, email: user.email, name: user.name }]);
    // The narrow paths: one e-mail or one id, one answer.
    expect(await credentialsByEmail(db, user.email)).toMatchObject({
      id: user.id,
      email: user.email,
      passwordHash: expect.stringMatching(/^\$argon2id\$/),
    });
    expect(await credentialsByEmail(db, "nobody@test.example")).toBeNull();
    expect(await passwordHashOf(db, user.id)).toMatch(/^\$argon2id\$/);
    // Sign-in still works, through that path only.
    expect(await authorizeAs(user.email, TEST_PASSWORD)).toMatchObject({ id: user.id });
    expect(await authorizeAs(user.email, `${TEST_PASSWORD}-wrong`)).toBeNull();
  });

  it("cannot rename or delete an organisation, nor delete a user", async () => {
    const user = await makeUser("org-owner");
    const org = await makeOrg("SPONSOR", user);
    const name = async () =>
      ((await t.adminQuery(`SELECT name FROM "Organization" WHERE id = '${org.id}'`)) as { name: string }[])[0]?.name;
    const before = await name();
    expect(before).toBeTruthy();
    for (const sql of [
      `UPDATE "Organization" SET name = 'renamed'`,
      `DELETE FROM "Organization"`,
      `DELETE FROM "User"`,
    ]) {
      await expect(asApp(sql, org.id), sql).rejects.toThrow(/permission denied/i);
    }
    expect(await name()).toBe(before);
  });

  it("writes the e-mail outbox but reads it only through its own path, never by mistake", async () => {
    const org = await makeOrg("SPONSOR", await makeUser("mailer"));
    const db = await getDb();
    const to = `reset-${org.id}@test.example`;
    await sendEmail({ to, subject: "Reset", text: "secret link" });
    expect(await db.emailOutbox.count({ where: { to } })).toBe(0);
    expect(
      await withTenant(db, { orgId: org.id }, (tx) => fullClientOf(tx).emailOutbox.findMany({ where: { to } })),
    ).toEqual([]);
    expect((await asApp(`SELECT text FROM "EmailOutbox"`, org.id)) as unknown[]).toEqual([]);
    expect((await asApp(`UPDATE "EmailOutbox" SET text = 'x' RETURNING id`)) as unknown[]).toEqual([]);
    const seen = await withOutboxAccess(db, (tx) => tx.emailOutbox.findMany({ where: { to }, select: { text: true } }));
    expect(seen).toEqual([{ text: "secret link" }]);
  });

  it("reads no session and no reset token by mistake; sign-in, lookup, revocation and reset still work", async () => {
    const user = await makeUser("session-owner"); // creates a session, as sign-in does
    const other = await makeUser("session-other");
    const org = await makeOrg("SPONSOR", user);
    const db = await getDb();
    await callerFor(null).account.requestPasswordReset({ email: user.email });
    const mail = await withOutboxAccess(db, (tx) => tx.emailOutbox.findFirstOrThrow({ where: { to: user.email } }));
    const token = /reset-password\?token=([\w-]+)/.exec(mail.text)![1]!;
    const tokenHash = createHash("sha256").update(token).digest("hex");

    // The mistakes: bare SELECTs and unscoped delegates, alone or in a tenant transaction.
    for (const sql of [
      `SELECT id FROM "AuthSession"`,
      `SELECT id FROM "PasswordResetToken"`,
      `UPDATE "AuthSession" SET "expiresAt" = now() RETURNING id`,
      `DELETE FROM "PasswordResetToken" RETURNING id`,
    ]) {
      expect(await asApp(sql), sql).toEqual([]);
      expect(await asApp(sql, org.id), sql).toEqual([]);
    }
    expect(await db.authSession.findMany()).toEqual([]);
    expect(await db.passwordResetToken.count()).toBe(0);
    // A tenant transaction sets app.user_id to its user: that user's own sessions at most, no one else's.
    const inTenant = await withTenant(db, { orgId: org.id, userId: other.id }, (tx) =>
      fullClientOf(tx).authSession.findMany({ select: { userId: true } }),
    );
    expect(inTenant.map((r) => r.userId)).toEqual([other.id]);
    expect(await asApp(`SELECT "userId" FROM "AuthSession"`, { "app.user_id": other.id })).toEqual([
      { userId: other.id },
    ]);

    // The rows are there: the settings the auth code sets name exactly one of each.
    expect(await asApp(`SELECT "userId" FROM "AuthSession"`, { "app.session_id": user.sessionId })).toEqual([
      { userId: user.id },
    ]);
    expect(await asApp(`SELECT "userId" FROM "PasswordResetToken"`, { "app.reset_token": tokenHash })).toEqual([
      { userId: user.id },
    ]);
    expect(await resolveAuthSession(user.sessionId)).toMatchObject({ id: user.id });

    // Reset through the link consumes the token and revokes the user's sessions (and only theirs).
    await callerFor(null).account.resetPassword({ token, password: "rls-guarded-reset-77" });
    expect(await resolveAuthSession(user.sessionId)).toBeNull();
    expect(await resolveAuthSession(other.sessionId)).toMatchObject({ id: other.id });
    await expect(callerFor(null).account.resetPassword({ token, password: "rls-guarded-again-78" })).rejects.toThrow(
      /expired or was already used/,
    );
    // Logging out revokes one session by its id.
    await revokeSession(other.sessionId);
    expect(await resolveAuthSession(other.sessionId)).toBeNull();
  });

  it("reads no user and no sponsor organisation by mistake; members, co-members, audit actors and sign-in still work", async () => {
    const owner = await makeUser("rls-owner");
    const colleague = await makeUser("rls-colleague");
    const leaver = await makeUser("rls-leaver");
    const stranger = await makeUser("rls-stranger");
    const sponsor = await makeOrg("SPONSOR", owner);
    const otherSponsor = await makeOrg("SPONSOR", stranger);
    const cdmo = await makeOrg("CDMO", stranger);
    await addMember(sponsor.id, colleague, "EVALUATOR");
    const leaverMembership = await addMember(sponsor.id, leaver, "ADMIN");
    // The leaver acts (an audited invitation), then is removed: the audit trail still names them.
    await callerFor(leaver).members.invite({
      orgSlug: sponsor.slug,
      email: "rls-invitee@test.example",
      role: "VIEWER",
    });
    await callerFor(owner).members.remove({ orgSlug: sponsor.slug, membershipId: leaverMembership.id, version: 1 });
    const db = await getDb();
    const ids = (rows: unknown) => (rows as { id: string }[]).map((r) => r.id).sort();
    const orgIds = [sponsor.id, otherSponsor.id, cdmo.id];

    // The mistakes: bare SELECTs and unscoped delegates with no settings see no user, and of
    // the organisations only the CDMOs (public in the directory).
    expect(await asApp(`SELECT id, email, name FROM "User"`)).toEqual([]);
    expect(await asApp(`SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: 0 }]);
    expect(await db.user.findMany({ select: { id: true, email: true } })).toEqual([]);
    const bareOrgs = (await asApp(`SELECT id, kind::text AS kind FROM "Organization"`)) as {
      id: string;
      kind: string;
    }[];
    expect(bareOrgs.every((o) => o.kind === "CDMO")).toBe(true);
    expect(ids(bareOrgs.filter((o) => orgIds.includes(o.id)))).toEqual([cdmo.id]);
    expect(await db.organization.findMany({ where: { kind: "SPONSOR" } })).toEqual([]);

    // As an organisation: its members and the actors of its audit trail, no one else; the
    // organisation itself and the CDMOs, no other sponsor.
    expect(ids(await asApp(`SELECT id FROM "User"`, sponsor.id))).toEqual([owner.id, colleague.id, leaver.id].sort());
    expect(ids(await asApp(`SELECT id FROM "User"`, otherSponsor.id))).toEqual([stranger.id]);
    const asSponsor = ids(await asApp(`SELECT id FROM "Organization"`, sponsor.id)).filter((id) => orgIds.includes(id));
    expect(asSponsor).toEqual([sponsor.id, cdmo.id].sort());
    // As a user with no organisation set: themselves, and the organisations they belong to.
    expect(ids(await asApp(`SELECT id FROM "User"`, { "app.user_id": colleague.id }))).toEqual([colleague.id]);
    const mine = ids(await asApp(`SELECT id FROM "Organization"`, { "app.user_id": stranger.id }));
    expect(mine.filter((id) => orgIds.includes(id))).toEqual([otherSponsor.id, cdmo.id].sort());

    // Writes: a user changes only their own row; nobody inserts a user or an organisation
    // other than the one their settings name; no user row is renamed as an organisation.
    expect(await asApp(`UPDATE "User" SET name = name RETURNING id`, sponsor.id)).toEqual([]);
    expect(await asApp(`UPDATE "User" SET name = name RETURNING id`, { "app.user_id": owner.id })).toEqual([
      { id: owner.id },
    ]);
    await expect(
      asApp(
        `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('rls-x', 'rls-x@test.example', 'X', 'x', now())`,
      ),
    ).rejects.toThrow(/row-level security/i);
    await expect(
      asApp(
        `INSERT INTO "Organization" (id, slug, name, kind, "updatedAt") VALUES ('rls-o', 'rls-o', 'O', 'SPONSOR', now())`,
        sponsor.id,
      ),
    ).rejects.toThrow(/row-level security/i);

    // The paths that read users and organisations still work: the member list, the
    // organisation switcher, sign-in, and slugs free across every organisation.
    const members = await callerFor(owner).members.list({ orgSlug: sponsor.slug });
    expect(members.map((m) => m.user.email).sort()).toEqual([owner.email, colleague.email].sort());
    const me = await callerFor(stranger).account.me();
    expect(me.organizations.map((o) => o.slug).sort()).toEqual([otherSponsor.slug, cdmo.slug].sort());
    expect(await authorizeAs(colleague.email, TEST_PASSWORD)).toMatchObject({ id: colleague.id });
    const again = await makeOrg("SPONSOR", owner, `Again ${sponsor.slug}`);
    const twin = await makeOrg("SPONSOR", stranger, `Again ${sponsor.slug}`);
    expect(twin.slug).not.toBe(again.slug);
  });

  it("cannot read pending sign-ups (nor their password hashes); the e-mailed link claims one, once", async () => {
    const email = `pending-${randomUUID().slice(0, 8)}@test.example`;
    await callerFor(null).account.signUp({
      email,
      name: "Pending",
      password: "pending-sign-up-pass-31",
      organizationName: "Pending Org",
      organizationKind: "CDMO",
    });
    const db = await getDb();
    for (const sql of [
      `SELECT "passwordHash" FROM "SignUpRequest"`,
      `SELECT email, name FROM "SignUpRequest"`,
      `SELECT count(*) FROM "SignUpRequest"`,
    ]) {
      await expect(asApp(sql), sql).rejects.toThrow(/permission denied/i);
    }
    await expect(db.signUpRequest.findMany()).rejects.toThrow(/permission denied/i);
    // Not a lookup oracle either: an unknown hash claims nothing.
    expect(await asApp(`SELECT email FROM auth_claim_sign_up('not-a-token-hash')`)).toEqual([]);
    const mail = await withOutboxAccess(db, (tx) => tx.emailOutbox.findFirstOrThrow({ where: { to: email } }));
    const token = /signup\/confirm\?token=([\w-]+)/.exec(mail.text)![1]!;
    expect(await callerFor(null).account.confirmSignUp({ token })).toMatchObject({ email });
    const created = await authorizeAs(email, "pending-sign-up-pass-31");
    expect(created).toMatchObject({ email });
    await expect(callerFor(null).account.confirmSignUp({ token })).rejects.toThrow(/expired or was already used/);
  });
});
