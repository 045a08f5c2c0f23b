import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { userByEmail } from "@/server/db/globals";
import { withOutboxAccess } from "@/server/db/outbox";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser } from "./helpers/actors";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

const code = (c: string) => (e: unknown) => e instanceof TRPCError && e.code === c;

async function latestLink(to: string, path: string): Promise<string> {
  const db = await getDb();
  const mail = await withOutboxAccess(db, (tx) =>
    tx.emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } }),
  );
  const m = new RegExp(`https?://[^\\s]+${path}([^\\s]+)`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in ${mail.text}`);
  return m[1]!;
}

describe(`members and invitations (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("invites by e-mail, the invitee accepts through the link, and both steps are audited", async () => {
    const owner = await makeUser("owner");
    const org = await makeOrg("SPONSOR", owner);
    const invitee = await makeUser("invitee");
    await callerFor(owner).members.invite({ orgSlug: org.slug, email: invitee.email, role: "EVALUATOR" });
    const token = await latestLink(invitee.email, "/invite/");
    const view = await callerFor(null).invitation.get({ token });
    expect(view).toMatchObject({ email: invitee.email, role: "EVALUATOR", status: "PENDING", hasAccount: true });
    // Someone else holding the link cannot use it.
    const stranger = await makeUser("stranger");
    await expect(callerFor(stranger).invitation.accept({ token })).rejects.toSatisfy(code("FORBIDDEN"));
    expect(await callerFor(invitee).invitation.accept({ token })).toEqual({ orgSlug: org.slug });
    await expect(callerFor(invitee).invitation.accept({ token })).rejects.toSatisfy(code("CONFLICT"));
    const members = await callerFor(invitee).members.list({ orgSlug: org.slug });
    expect(members.map((m) => [m.user.email, m.role])).toContainEqual([invitee.email, "EVALUATOR"]);
    const audit = await callerFor(owner).audit.list({ orgSlug: org.slug, limit: 50 });
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(["invitation.created", "invitation.accepted", "membership.created"]),
    );
  });

  it("a new person signs up through the invitation and joins only that organisation", async () => {
    const owner = await makeUser("owner2");
    const org = await makeOrg("CDMO", owner);
    await callerFor(owner).members.invite({ orgSlug: org.slug, email: "newcomer@test.example", role: "RESPONDER" });
    const token = await latestLink("newcomer@test.example", "/invite/");
    const res = await callerFor(null).account.signUpWithInvitation({
      token,
      name: "New Comer",
      password: "aseptic-fill-line-nine",
    });
    expect(res).toEqual({ orgSlug: org.slug, email: "newcomer@test.example" });
    const db = await getDb();
    expect(await userByEmail(db, "newcomer@test.example")).toMatchObject({ name: "New Comer" });
  });

  it("rejects a role that does not exist for the organisation's kind, naming the field", async () => {
    const owner = await makeUser("owner3");
    const org = await makeOrg("CDMO", owner);
    const err = await callerFor(owner)
      .members.invite({ orgSlug: org.slug, email: "x@test.example", role: "EVALUATOR" })
      .catch((e) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.cause.field).toBe("role");
  });

  it("changes a role with a version check, and refuses a stale version", async () => {
    const owner = await makeUser("owner4");
    const org = await makeOrg("SPONSOR", owner);
    const m = await addMember(org.id, await makeUser("eva"), "EVALUATOR");
    const changed = await callerFor(owner).members.changeRole({
      orgSlug: org.slug,
      membershipId: m.id,
      role: "ADMIN",
      version: m.version,
    });
    expect(changed).toMatchObject({ role: "ADMIN", version: m.version + 1 });
    await expect(
      callerFor(owner).members.changeRole({
        orgSlug: org.slug,
        membershipId: m.id,
        role: "VIEWER",
        version: m.version,
      }),
    ).rejects.toSatisfy(code("CONFLICT"));
    const audit = await callerFor(owner).audit.list({ orgSlug: org.slug, action: "role_changed", limit: 10 });
    expect(audit.items[0]).toMatchObject({ entityId: m.id, changes: { role: { old: "EVALUATOR", new: "ADMIN" } } });
  });

  it("never lets the last owner be removed or demoted", async () => {
    const owner = await makeUser("owner5");
    const org = await makeOrg("SPONSOR", owner);
    const [me] = await callerFor(owner).members.list({ orgSlug: org.slug });
    await expect(
      callerFor(owner).members.changeRole({
        orgSlug: org.slug,
        membershipId: me!.id,
        role: "ADMIN",
        version: me!.version,
      }),
    ).rejects.toSatisfy(code("PRECONDITION_FAILED"));
    await expect(
      callerFor(owner).members.remove({ orgSlug: org.slug, membershipId: me!.id, version: me!.version }),
    ).rejects.toSatisfy(code("PRECONDITION_FAILED"));
    // With a second owner, the first may step down.
    const second = await makeUser("owner5b");
    await addMember(org.id, second, "OWNER");
    await callerFor(owner).members.changeRole({
      orgSlug: org.slug,
      membershipId: me!.id,
      role: "ADMIN",
      version: me!.version,
    });
    const roles = (await callerFor(second).members.list({ orgSlug: org.slug })).map((m) => m.role).sort();
    expect(roles).toEqual(["ADMIN", "OWNER"]);
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const a = await makeUser("own-a");
    const org = await makeOrg("SPONSOR", a);
    const b = await makeUser("own-b");
    await addMember(org.id, b, "OWNER");
    const list = await callerFor(a).members.list({ orgSlug: org.slug });
    const ma = list.find((m) => m.user.id === a.id)!;
    const mb = list.find((m) => m.user.id === b.id)!;
    const results = await Promise.allSettled([
      callerFor(a).members.changeRole({ orgSlug: org.slug, membershipId: mb.id, role: "ADMIN", version: mb.version }),
      callerFor(b).members.changeRole({ orgSlug: org.slug, membershipId: ma.id, role: "ADMIN", version: ma.version }),
    ]);
    const owners = (
      await callerFor(a)
        .members.list({ orgSlug: org.slug })
        .catch(() => callerFor(b).members.list({ orgSlug: org.slug }))
    ).filter((m) => m.role === "OWNER");
    expect(owners).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
  });

  it("viewers and evaluators cannot use admin actions; non-members get NOT_FOUND", async () => {
    const owner = await makeUser("owner6");
    const org = await makeOrg("SPONSOR", owner);
    const viewer = await makeUser("viewer");
    const vm = await addMember(org.id, viewer, "VIEWER");
    await expect(
      callerFor(viewer).members.invite({ orgSlug: org.slug, email: "y@test.example", role: "VIEWER" }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(
      callerFor(viewer).members.changeRole({
        orgSlug: org.slug,
        membershipId: vm.id,
        role: "ADMIN",
        version: vm.version,
      }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(callerFor(viewer).audit.list({ orgSlug: org.slug, limit: 10 })).rejects.toSatisfy(code("FORBIDDEN"));
    expect(await callerFor(viewer).members.list({ orgSlug: org.slug })).toHaveLength(2);
    const outsider = await makeUser("outsider");
    await expect(callerFor(outsider).members.list({ orgSlug: org.slug })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(callerFor(null).members.list({ orgSlug: org.slug })).rejects.toSatisfy(code("UNAUTHORIZED"));
  });

  it("only an owner may grant the owner role", async () => {
    const owner = await makeUser("owner7");
    const org = await makeOrg("SPONSOR", owner);
    const admin = await makeUser("admin7");
    await addMember(org.id, admin, "ADMIN");
    const m = await addMember(org.id, await makeUser("eva7"), "EVALUATOR");
    await expect(
      callerFor(admin).members.changeRole({ orgSlug: org.slug, membershipId: m.id, role: "OWNER", version: m.version }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
  });

  it("exports the audit trail as CSV with the filters applied", async () => {
    const owner = await makeUser("owner8");
    const org = await makeOrg("SPONSOR", owner);
    await callerFor(owner).members.invite({ orgSlug: org.slug, email: "csv@test.example", role: "VIEWER" });
    const all = await callerFor(owner).audit.exportCsv({ orgSlug: org.slug });
    expect(all.csv.split("\r\n")[0]).toBe("at,actor,action,entityType,entityId,changes,reason");
    expect(all.rows).toBe(3);
    const only = await callerFor(owner).audit.exportCsv({ orgSlug: org.slug, entityType: "Invitation" });
    expect(only.rows).toBe(1);
    expect(only.csv).toContain("csv@test.example");
  });
});
