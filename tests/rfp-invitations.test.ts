import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { userByEmail } from "@/server/db/globals";
import { withOutboxAccess } from "@/server/db/outbox";
import { withTenant } from "@/server/db/tenant";
import { asUser } from "@/server/db/user-scope";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";
import { code, makeTeam, profile, type TestOrg } from "./helpers/vendors";
import { makeTestRfp, publishTestRfp, setTestRfpDue } from "./helpers/portal-fixtures";

// Invitations from the sponsor's side, and the e-mailed claim link: draft invitations wait
// for publishing, duplicates are refused, revoking cuts access, the link is claimed once and
// only for a CDMO, and no invitee ever reads another invitee's row.

let t: TestDb;
let sponsor: TestOrg;
let other: TestOrg;
type Cdmo = TestOrg & { vendorId: string };
let c1: Cdmo;
let c2: Cdmo;
let c3: Cdmo;

async function cdmo(name: string): Promise<Cdmo> {
  const team = await makeTeam("CDMO", name);
  const { id } = await callerFor(team.owner).vendors.createProfile({ orgSlug: team.slug, ...profile({ name }) });
  return { ...team, vendorId: id };
}

async function outboxTo(to: string) {
  return withOutboxAccess(await getDb(), (tx) =>
    tx.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "asc" } }),
  );
}

async function claimToken(to: string): Promise<string> {
  const mails = await outboxTo(to);
  const m = /\/rfp-invite\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.text ?? "");
  if (!m) throw new Error(`no claim link sent to ${to}`);
  return m[1]!;
}

const S = () => callerFor(sponsor.owner).rfpInvitation;
const list = (rfpId: string) => S().list({ orgSlug: sponsor.slug, rfpId });

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeTeam("SPONSOR", "Helix Sponsor");
  other = await makeTeam("SPONSOR", "Rival Sponsor");
  c1 = await cdmo("Northbridge Biologics");
  c2 = await cdmo("Southgate Fill");
  c3 = await cdmo("Eastport Pharma");
});
afterAll(async () => t?.drop());

describe(`RFP invitations (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("invitations to a draft wait, unseen by the invitee, and go out when it is published", async () => {
    const rfp = await makeTestRfp(sponsor.id, { title: "Draft-stage RFP" });
    const a = await S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c1.vendorId });
    expect(a.sent).toBe(false);
    await S().addEmail({ orgSlug: sponsor.slug, rfpId: rfp.id, email: "Bd@Newco.example", name: "NewCo BD" });
    const before = await list(rfp.id);
    expect(before.map((i) => [i.displayName, i.kind, i.status, i.sentAt])).toEqual([
      ["Northbridge Biologics", "PLATFORM", "INVITED", null],
      ["NewCo BD", "EMAIL", "INVITED", null],
    ]);
    expect(before[1]!.email).toBe("bd@newco.example");
    // Nothing reaches the invitees while it is a draft: no inbox entry, no RFP, no e-mail.
    const inbox = await callerFor(c1.owner).portal.inbox({ orgSlug: c1.slug });
    expect(inbox.items.map((i) => i.rfpId)).not.toContain(rfp.id);
    await expect(callerFor(c1.owner).portal.rfp({ orgSlug: c1.slug, rfpId: rfp.id })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    expect(await outboxTo("bd@newco.example")).toHaveLength(0);
    const unsent = await withTenant(await getDb(), { orgId: c1.id }, (db) =>
      db.rfpInvitation.findMany({ where: { rfpId: rfp.id } }),
    );
    expect(unsent).toEqual([]);

    expect(await publishTestRfp(sponsor.id, rfp.id)).toEqual({ sent: 2 });
    const after = await list(rfp.id);
    expect(after.every((i) => i.sentAt instanceof Date)).toBe(true);
    expect((await callerFor(c1.owner).portal.inbox({ orgSlug: c1.slug })).items.map((i) => i.rfpId)).toContain(rfp.id);
    const mail = (await outboxTo("bd@newco.example"))[0]!;
    expect(mail.subject).toContain("Helix Sponsor");
    expect(mail.text).toContain("Draft-stage RFP");
    expect(mail.text).toMatch(/\/rfp-invite\/[A-Za-z0-9_-]{40,}/);
    // Only the hash is stored: the token in the e-mail is nowhere in the database row.
    const token = await claimToken("bd@newco.example");
    const stored = await withTenant(await getDb(), { orgId: sponsor.id }, (db) =>
      db.rfpInvitation.findFirstOrThrow({ where: { rfpId: rfp.id, email: "bd@newco.example" } }),
    );
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const audit = await callerFor(sponsor.owner).audit.list({ orgSlug: sponsor.slug, limit: 100 });
    const actions = audit.items.filter((e) => e.entityType === "RfpInvitation").map((e) => e.action);
    expect(actions.filter((x) => x === "rfp_invitation.created")).toHaveLength(2);
    expect(actions.filter((x) => x === "rfp_invitation.sent")).toHaveLength(2);
  });

  it("adding to a published RFP sends at once; duplicates are refused naming the field", async () => {
    const rfp = await makeTestRfp(sponsor.id, { status: "PUBLISHED" });
    expect(await S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c1.vendorId })).toMatchObject({
      sent: true,
    });
    await expect(S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c1.vendorId })).rejects.toSatisfy(
      (e) => code("CONFLICT")(e) && /already invited/.test((e as Error).message),
    );
    expect(
      await S().addEmail({ orgSlug: sponsor.slug, rfpId: rfp.id, email: "x@new.example", name: null }),
    ).toMatchObject({ sent: true });
    expect(await outboxTo("x@new.example")).toHaveLength(1);
    await expect(
      S().addEmail({ orgSlug: sponsor.slug, rfpId: rfp.id, email: "X@new.example", name: "Again" }),
    ).rejects.toSatisfy(code("CONFLICT"));
    expect((await list(rfp.id)).map((i) => i.displayName)).toEqual(["Northbridge Biologics", "x@new.example"]);
  });

  it("a private record reaches its platform profile when linked, and is refused (use e-mail) when not", async () => {
    const rfp = await makeTestRfp(sponsor.id);
    const own = callerFor(sponsor.owner).vendors;
    const unlinked = await own.createPrivate({ orgSlug: sponsor.slug, ...profile({ name: "Offline CMO" }) });
    await expect(S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: unlinked.id })).rejects.toSatisfy(
      (e) => code("BAD_REQUEST")(e) && /e-mail/.test((e as Error).message),
    );
    const linked = await own.createPrivate({ orgSlug: sponsor.slug, ...profile({ name: "Eastport (our record)" }) });
    await own.link({ orgSlug: sponsor.slug, vendorId: linked.id, platformVendorId: c3.vendorId });
    await S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: linked.id });
    // Same organisation through its public profile: a duplicate.
    await expect(S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c3.vendorId })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    await publishTestRfp(sponsor.id, rfp.id);
    const seen = await callerFor(c3.owner).portal.rfp({ orgSlug: c3.slug, rfpId: rfp.id });
    expect(seen.rfp.id).toBe(rfp.id);
    // Another sponsor's private record is not a vendor this sponsor can pick.
    const theirs = await callerFor(other.owner).vendors.createPrivate({ orgSlug: other.slug, ...profile() });
    await expect(S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: theirs.id })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
  });

  it("an invitee reads only its own invitation row and learns nothing of the others", async () => {
    const rfp = await makeTestRfp(sponsor.id, { title: "Three-way RFP" });
    for (const c of [c1, c2, c3]) await S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c.vendorId });
    await S().addEmail({ orgSlug: sponsor.slug, rfpId: rfp.id, email: "secret-bd@hidden.example", name: "Hidden Co" });
    await publishTestRfp(sponsor.id, rfp.id);
    const rows = await withTenant(await getDb(), { orgId: c1.id }, (db) =>
      db.rfpInvitation.findMany({ where: { rfpId: rfp.id } }),
    );
    expect(rows.map((r) => r.vendorOrganizationId)).toEqual([c1.id]);
    const payloads = JSON.stringify([
      await callerFor(c1.owner).portal.rfp({ orgSlug: c1.slug, rfpId: rfp.id }),
      await callerFor(c1.owner).portal.inbox({ orgSlug: c1.slug }),
      await callerFor(c1.owner).portal.inbox({ orgSlug: c1.slug, show: "past" }),
    ]);
    for (const secret of [c2.id, c3.id, c2.slug, "Southgate Fill", "Eastport", "secret-bd@hidden.example", "Hidden Co"])
      expect(payloads).not.toContain(secret);
    const sponsorView = await list(rfp.id);
    for (const i of sponsorView.filter((v) => v.displayName !== "Northbridge Biologics"))
      expect(payloads).not.toContain(i.id);
  });

  it("the sponsor sees viewed and declined (with the reason); revoking cuts the invitee off", async () => {
    const rfp = await makeTestRfp(sponsor.id, { status: "PUBLISHED", title: "Status RFP" });
    await S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c1.vendorId });
    await S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c2.vendorId });
    await callerFor(c1.viewer).portal.rfp({ orgSlug: c1.slug, rfpId: rfp.id });
    await callerFor(c2.owner).portal.decline({ orgSlug: c2.slug, rfpId: rfp.id, reason: "No capacity in Q3." });
    const view = await list(rfp.id);
    expect(view.map((i) => [i.displayName, i.status, i.declineReason])).toEqual([
      ["Northbridge Biologics", "VIEWED", null],
      ["Southgate Fill", "DECLINED", "No capacity in Q3."],
    ]);
    const c1Invitation = view[0]!.id;
    await expect(S().revoke({ orgSlug: sponsor.slug, rfpId: rfp.id, invitationId: c1Invitation })).resolves.toEqual({
      id: c1Invitation,
    });
    await expect(S().revoke({ orgSlug: sponsor.slug, rfpId: rfp.id, invitationId: c1Invitation })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    const api = callerFor(c1.owner).portal;
    await expect(api.rfp({ orgSlug: c1.slug, rfpId: rfp.id })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(api.decline({ orgSlug: c1.slug, rfpId: rfp.id, reason: "Too late" })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    expect((await api.inbox({ orgSlug: c1.slug })).items.map((i) => i.rfpId)).not.toContain(rfp.id);
    const rows = await withTenant(await getDb(), { orgId: c1.id }, (db) => db.rfp.findMany({ where: { id: rfp.id } }));
    expect(rows).toEqual([]);
    // Listed last, as revoked; inviting again reinstates the same invitation.
    expect((await list(rfp.id)).at(-1)).toMatchObject({ id: c1Invitation, revokedAt: expect.any(Date) });
    await S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c1.vendorId });
    expect((await api.rfp({ orgSlug: c1.slug, rfpId: rfp.id })).rfp.id).toBe(rfp.id);
  });

  it("invitations cannot change after the due date; viewers cannot change them at all", async () => {
    const rfp = await makeTestRfp(sponsor.id, { status: "PUBLISHED" });
    await expect(
      callerFor(sponsor.viewer).rfpInvitation.addPlatform({
        orgSlug: sponsor.slug,
        rfpId: rfp.id,
        vendorId: c1.vendorId,
      }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    expect(await callerFor(sponsor.viewer).rfpInvitation.list({ orgSlug: sponsor.slug, rfpId: rfp.id })).toEqual([]);
    await setTestRfpDue(sponsor.id, rfp.id, new Date(Date.now() - 60_000));
    await expect(S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c1.vendorId })).rejects.toSatisfy(
      (e) => code("CONFLICT")(e) && /due date has passed/.test((e as Error).message),
    );
  });

  it("another sponsor reaches none of it, and a CDMO cannot use the sponsor's procedures", async () => {
    const rfp = await makeTestRfp(sponsor.id, { status: "PUBLISHED" });
    const { id } = await S().addPlatform({ orgSlug: sponsor.slug, rfpId: rfp.id, vendorId: c1.vendorId });
    const rival = callerFor(other.owner).rfpInvitation;
    await expect(rival.list({ orgSlug: other.slug, rfpId: rfp.id })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(rival.addPlatform({ orgSlug: other.slug, rfpId: rfp.id, vendorId: c2.vendorId })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    await expect(rival.revoke({ orgSlug: other.slug, rfpId: rfp.id, invitationId: id })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    await expect(rival.list({ orgSlug: sponsor.slug, rfpId: rfp.id })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(callerFor(c1.owner).rfpInvitation.list({ orgSlug: c1.slug, rfpId: rfp.id })).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
    await expect(
      callerFor(c1.owner).rfpInvitation.revoke({ orgSlug: c1.slug, rfpId: rfp.id, invitationId: id }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    expect((await list(rfp.id))[0]!.revokedAt).toBeNull();
  });
});

describe(`claiming an e-mailed invitation (${process.env.TEST_DB ?? "pglite"})`, () => {
  let rfp: { id: string; title: string };
  let token: string;
  let newcomer: TestUser;
  let newOrg: { id: string; slug: string };

  beforeAll(async () => {
    rfp = await makeTestRfp(sponsor.id, { title: "Claimable RFP" });
    await S().addEmail({ orgSlug: sponsor.slug, rfpId: rfp.id, email: "founder@startup.example", name: "StartUp" });
    await publishTestRfp(sponsor.id, rfp.id);
    token = await claimToken("founder@startup.example");
    newcomer = await makeUser("founder");
    newOrg = await makeOrg("CDMO", newcomer, "StartUp Biologics");
  });

  it("the link shows the RFP's title and the sponsor's name to whoever holds it", async () => {
    const view = await callerFor(null).rfpInvitation.byToken({ token });
    expect(view).toMatchObject({
      rfpTitle: "Claimable RFP",
      sponsorName: "Helix Sponsor",
      email: "founder@startup.example",
      status: "OPEN",
      rfpStatus: "PUBLISHED",
    });
    await expect(callerFor(null).rfpInvitation.byToken({ token: "B".repeat(43) })).rejects.toSatisfy(code("NOT_FOUND"));
  });

  it("a sponsor organisation cannot claim it", async () => {
    await expect(callerFor(other.owner).rfpInvitation.claim({ orgSlug: other.slug, token })).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
    // Not even the inviting sponsor, for itself.
    await expect(callerFor(sponsor.owner).rfpInvitation.claim({ orgSlug: sponsor.slug, token })).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
    // Nor someone in an organisation they do not belong to.
    await expect(callerFor(newcomer).rfpInvitation.claim({ orgSlug: c1.slug, token })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
  });

  it("a CDMO member claims it once; it becomes that organisation's invitation", async () => {
    await expect(callerFor(newcomer).portal.rfp({ orgSlug: newOrg.slug, rfpId: rfp.id })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    expect(await callerFor(newcomer).rfpInvitation.claim({ orgSlug: newOrg.slug, token })).toEqual({
      rfpId: rfp.id,
      orgSlug: newOrg.slug,
    });
    const seen = await callerFor(newcomer).portal.rfp({ orgSlug: newOrg.slug, rfpId: rfp.id });
    expect(seen).toMatchObject({ sponsorName: "Helix Sponsor", rfp: { title: "Claimable RFP" } });
    expect((await callerFor(newcomer).portal.inbox({ orgSlug: newOrg.slug })).items).toHaveLength(1);
    // Used: neither this organisation nor another can claim it again.
    await expect(callerFor(newcomer).rfpInvitation.claim({ orgSlug: newOrg.slug, token })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    await expect(callerFor(c2.owner).rfpInvitation.claim({ orgSlug: c2.slug, token })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    expect(await callerFor(null).rfpInvitation.byToken({ token })).toMatchObject({ status: "CLAIMED" });
    // The sponsor is told who took the link.
    const told = await asUser(sponsor.evaluator.id, (db) =>
      db.notification.findMany({ where: { title: { contains: "accepted your invitation" } } }),
    );
    expect(told.map((n) => n.title)).toEqual(["StartUp Biologics accepted your invitation"]);
    const sponsorView = (await list(rfp.id)).find((i) => i.email === "founder@startup.example")!;
    expect(sponsorView).toMatchObject({ kind: "PLATFORM", status: "VIEWED", displayName: "StartUp" });
    const audit = await callerFor(newcomer).audit.list({ orgSlug: newOrg.slug, limit: 50 });
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(["rfp_invitation.claimed", "rfp_participation.viewed"]),
    );
  });

  it("an organisation already invited cannot claim a second invitation to the same RFP", async () => {
    const r = await makeTestRfp(sponsor.id, { status: "PUBLISHED" });
    await S().addPlatform({ orgSlug: sponsor.slug, rfpId: r.id, vendorId: c1.vendorId });
    await S().addEmail({ orgSlug: sponsor.slug, rfpId: r.id, email: "colleague@northbridge.example", name: null });
    const tok = await claimToken("colleague@northbridge.example");
    await expect(callerFor(c1.owner).rfpInvitation.claim({ orgSlug: c1.slug, token: tok })).rejects.toSatisfy(
      (e) => code("CONFLICT")(e) && /already invited/.test((e as Error).message),
    );
    expect(await callerFor(null).rfpInvitation.byToken({ token: tok })).toMatchObject({ status: "OPEN" });
  });

  it("someone new signs up as a CDMO from the link, is sent back to it, and claims it", async () => {
    const r = await makeTestRfp(sponsor.id, { status: "PUBLISHED", title: "Sign-up RFP" });
    await S().addEmail({ orgSlug: sponsor.slug, rfpId: r.id, email: "ceo@brandnew.example", name: null });
    const tok = await claimToken("ceo@brandnew.example");
    const next = `/rfp-invite/${tok}`;
    await callerFor(null).account.signUp({
      name: "New CEO",
      email: "ceo@brandnew.example",
      password: "lyophilised-cake-collapse-7",
      organizationName: "Brand New Biologics",
      organizationKind: "CDMO",
      next,
    });
    const confirm = (await outboxTo("ceo@brandnew.example")).at(-1)!.text;
    const m = /\/signup\/confirm\?token=([\w-]+)&next=([^\s]+)/.exec(confirm);
    expect(m && decodeURIComponent(m[2]!)).toBe(next);
    const { orgSlug } = await callerFor(null).account.confirmSignUp({ token: m![1]! });
    const user = await userByEmail(await getDb(), "ceo@brandnew.example");
    const ceo = { id: user!.id, email: "ceo@brandnew.example", name: "New CEO", sessionId: "x" };
    expect(await callerFor(ceo).rfpInvitation.claim({ orgSlug, token: tok })).toEqual({ rfpId: r.id, orgSlug });
    expect((await callerFor(ceo).portal.rfp({ orgSlug, rfpId: r.id })).rfp.title).toBe("Sign-up RFP");
    // A way back that leaves the site is refused before anything is sent.
    await expect(
      callerFor(null).account.signUp({
        name: "Mallory",
        email: "m@evil.example",
        password: "lyophilised-cake-collapse-7",
        organizationName: "Evil",
        organizationKind: "CDMO",
        next: "//evil.example/phish",
      }),
    ).rejects.toSatisfy(code("BAD_REQUEST"));
  });

  it("a revoked link cannot be claimed", async () => {
    const r = await makeTestRfp(sponsor.id, { status: "PUBLISHED" });
    const { id } = await S().addEmail({ orgSlug: sponsor.slug, rfpId: r.id, email: "gone@away.example", name: null });
    const tok = await claimToken("gone@away.example");
    await S().revoke({ orgSlug: sponsor.slug, rfpId: r.id, invitationId: id });
    expect(await callerFor(null).rfpInvitation.byToken({ token: tok })).toMatchObject({ status: "REVOKED" });
    await expect(callerFor(c3.owner).rfpInvitation.claim({ orgSlug: c3.slug, token: tok })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    // Reinstating sends a new link; the old one stays dead.
    await S().addEmail({ orgSlug: sponsor.slug, rfpId: r.id, email: "gone@away.example", name: null });
    const fresh = await claimToken("gone@away.example");
    expect(fresh).not.toBe(tok);
    await expect(callerFor(c3.owner).rfpInvitation.claim({ orgSlug: c3.slug, token: tok })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    await expect(callerFor(c3.owner).rfpInvitation.claim({ orgSlug: c3.slug, token: fresh })).resolves.toMatchObject({
      rfpId: r.id,
    });
  });
});
