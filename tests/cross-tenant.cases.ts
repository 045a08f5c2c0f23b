import type { TestUser } from "./helpers/actors";

// One entry per procedure of the router. `org` procedures get org A's ids in their input;
// `user`/`public` ones are called by org B's owner (or anonymously) with whatever of A's
// could be passed to them. Add an entry with every new procedure.

export type Fixture = {
  a: { orgId: string; slug: string; owner: TestUser; memberId: string; memberVersion: number; invitationId: string; secrets: string[] };
  b: { orgId: string; slug: string; owner: TestUser };
};

type Ids = Record<string, unknown>;
export type Case = { kind: "org"; input: (f: Fixture) => Ids } | { kind: "user" | "public"; input: (f: Fixture) => Ids | undefined };

const none = () => undefined;
const STRONG = "bioreactor-harvest-window-7";

export const CASES: Record<string, Case> = {
  "account.signUp": { kind: "public", input: (f) => ({ name: "Mallory", email: `mallory-${f.a.slug}@evil.example`, password: STRONG, organizationName: "Mallory Bio", organizationKind: "SPONSOR" }) },
  "account.signUpWithInvitation": { kind: "public", input: (f) => ({ token: f.a.invitationId.padEnd(24, "x"), name: "Mallory", password: STRONG }) },
  "account.requestPasswordReset": { kind: "public", input: (f) => ({ email: f.a.owner.email }) },
  "account.resetPassword": { kind: "public", input: (f) => ({ token: f.a.invitationId.padEnd(24, "x"), password: STRONG }) },
  "account.changePassword": { kind: "user", input: () => ({ currentPassword: "wrong-password-123", newPassword: STRONG }) },
  "account.me": { kind: "user", input: none },
  "organization.create": { kind: "user", input: () => ({ name: "Mallory Labs", kind: "SPONSOR" }) },
  "organization.current": { kind: "org", input: () => ({}) },
  "members.list": { kind: "org", input: () => ({}) },
  "members.changeRole": { kind: "org", input: (f) => ({ membershipId: f.a.memberId, role: "ADMIN", version: f.a.memberVersion }) },
  "members.remove": { kind: "org", input: (f) => ({ membershipId: f.a.memberId, version: f.a.memberVersion }) },
  "members.invitations": { kind: "org", input: () => ({}) },
  "members.invite": { kind: "org", input: (f) => ({ email: f.a.owner.email, role: "VIEWER" }) },
  "members.revokeInvitation": { kind: "org", input: (f) => ({ invitationId: f.a.invitationId }) },
  "invitation.get": { kind: "public", input: (f) => ({ token: f.a.invitationId.padEnd(24, "x") }) },
  "invitation.accept": { kind: "user", input: (f) => ({ token: f.a.invitationId.padEnd(24, "x") }) },
  "audit.list": { kind: "org", input: () => ({ limit: 200 }) },
  "audit.entityTypes": { kind: "org", input: () => ({}) },
  "audit.exportCsv": { kind: "org", input: () => ({}) },
};

type Deps = {
  makeUser: (l: string) => Promise<TestUser>;
  makeOrg: (k: "SPONSOR" | "CDMO", o: TestUser, name?: string) => Promise<{ id: string; slug: string }>;
  addMember: (orgId: string, u: TestUser, r: "VIEWER") => Promise<{ id: string; version: number }>;
  getDb: () => Promise<unknown>;
  withTenant: unknown;
};

/** Org A with a member, a pending invitation and audit entries; org B with just its owner. */
export async function buildCrossTenantFixture(d: Deps): Promise<Fixture> {
  const { callerFor } = await import("./helpers/actors");
  const ownerA = await d.makeUser("owner-a");
  const orgA = await d.makeOrg("SPONSOR", ownerA, "Alpha Sponsor");
  const member = await d.makeUser("member-a");
  const m = await d.addMember(orgA.id, member, "VIEWER");
  const inv = await callerFor(ownerA).members.invite({ orgSlug: orgA.slug, email: "invitee-a@test.example", role: "EVALUATOR" });
  const ownerB = await d.makeUser("owner-b");
  const orgB = await d.makeOrg("SPONSOR", ownerB, "Beta Sponsor");
  return {
    a: {
      orgId: orgA.id, slug: orgA.slug, owner: ownerA, memberId: m.id, memberVersion: m.version, invitationId: inv.id,
      secrets: [orgA.id, orgA.slug, m.id, member.email, inv.id, "invitee-a@test.example", ownerA.email],
    },
    b: { orgId: orgB.id, slug: orgB.slug, owner: ownerB },
  };
}
