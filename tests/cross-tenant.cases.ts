import type { TestUser } from "./helpers/actors";
import { INSPECTION_COLUMNS } from "@/server/vendors/import-csv";
import type { TProgrammeFieldsInput } from "@/server/programmes/schemas";

// One entry per procedure of the router. `org` procedures get org A's ids in their input;
// `user`/`public` ones are called by org B's owner (or anonymously) with whatever of A's
// could be passed to them. Add an entry with every new procedure.

export type VendorFixture = {
  vendorId: string;
  siteId: string;
  inspectionId: string;
  letterId: string;
  recallId: string;
  noteId: string;
  filterId: string;
  importId: string;
};

/** Org A's programme with a draft RFP, and its secret vendor on the programme's shortlist with a comment. */
export type ProgrammeFixture = { programmeId: string; rfpId: string; entryId: string; commentId: string };
export type RfpSecrets = {
  rfpId: string;
  programmeId: string;
  invitationId: string;
  cdmoId: string;
  responseId: string;
  clarificationId: string;
};
/** Org A's scenario on the closed sealed RFP, and a decision proposed from it (signed by its author). */
export type PortfolioFixture = { scenarioId: string; decisionId: string; approverId: string };

export type Fixture = {
  a: {
    orgId: string;
    slug: string;
    owner: TestUser;
    memberId: string;
    memberVersion: number;
    invitationId: string;
    /** A notification of A's owner (its title is one of A's secrets). */
    notificationId: string;
    secrets: string[];
    v: VendorFixture;
    /** A draft RFP of org A's programme. */
    rfpId: string;
    rfp: RfpSecrets;
    inv: RfpInvitationFixture;
    p: ProgrammeFixture;
    pf: PortfolioFixture;
    /** A draft RFP with an attachment. */
    files: { rfpId: string; fileId: string };
  };
  b: { orgId: string; slug: string; owner: TestUser };
  /** A CDMO that nobody invited: calls the procedures only CDMOs hold, with A's ids. */
  c: { orgId: string; slug: string; owner: TestUser };
};

/** Org A's published RFP with a platform CDMO and an e-mail address invited. */
export type RfpInvitationFixture = { rfpId: string; invitationId: string; emailInvitationId: string };

type Ids = Record<string, unknown>;
export type Case =
  { kind: "org"; input: (f: Fixture) => Ids } | { kind: "user" | "public"; input: (f: Fixture) => Ids | undefined };

const none = () => undefined;
const cell = (f: Fixture) => ({
  rfpId: f.a.inv.rfpId,
  vendorId: f.a.inv.invitationId,
  criterionId: "capability.modality",
});
const evaluationCases: Record<string, Case> = {
  "evaluation.get": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId }) },
  "evaluation.export": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId, format: "xlsx" }) },
  "evaluation.saveScores": {
    kind: "org",
    input: (f) => ({ rfpId: f.a.inv.rfpId, entries: [{ ...cell(f), rfpId: undefined, value: 3 }] }),
  },
  "evaluation.submit": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId }) },
  "evaluation.reopen": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId, evaluatorId: f.a.owner.id }) },
  "evaluation.setup": {
    kind: "org",
    input: (f) => ({
      rfpId: f.a.inv.rfpId,
      version: 0,
      criteria: [{ id: "capability", name: "Capability", weight: 1 }],
      weightMode: "percent",
      aggregation: "mean",
      blind: false,
      scale: { min: 0, max: 5 },
    }),
  },
  "evaluation.override": {
    kind: "org",
    input: (f) => ({ ...cell(f), criterionId: "pricing.price", value: 5, reason: "Mallory overrides" }),
  },
  "evaluation.rationale": { kind: "org", input: (f) => ({ ...cell(f), text: "Mallory's rationale" }) },
  "evaluation.lock": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId, version: 1 }) },
  "evaluation.unlock": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId, version: 1, reason: "Mallory unlocks" }) },
};
const vendorProfile = {
  name: "Mallory Vendor",
  hqCountry: "US",
  hqCity: "Boston",
  stages: ["FILL"],
  modalities: ["MAB"],
  certifications: [],
  scaleTiers: [],
};
const programme: TProgrammeFieldsInput = {
  name: "Mallory Programme",
  molecule: "ML-1",
  modality: "MAB",
  phase: "PHASE_1",
  stages: ["PD", "DS_CLIN", "FILL"],
};
const INSPECTION_HEADER = [...INSPECTION_COLUMNS];
const rfpDocument = {
  title: "Mallory's RFP",
  summary: null,
  stages: ["FILL"],
  weights: { capability: 25, quality: 25, pricing: 25, handoff: 25 },
  dueAt: null,
  timeZone: "UTC",
  sealed: false,
  committeeOpening: false,
  content: { sections: [] },
};
const STRONG = "bioreactor-harvest-window-7";

export const CASES: Record<string, Case> = {
  "account.signUp": {
    kind: "public",
    input: (f) => ({
      name: "Mallory",
      email: `mallory-${f.a.slug}@evil.example`,
      password: STRONG,
      organizationName: "Mallory Bio",
      organizationKind: "SPONSOR",
    }),
  },
  "account.confirmSignUp": { kind: "public", input: (f) => ({ token: f.a.invitationId.padEnd(24, "x") }) },
  "account.signUpWithInvitation": {
    kind: "public",
    input: (f) => ({ token: f.a.invitationId.padEnd(24, "x"), name: "Mallory", password: STRONG }),
  },
  "account.requestPasswordReset": { kind: "public", input: (f) => ({ email: f.a.owner.email }) },
  "account.resetPassword": {
    kind: "public",
    input: (f) => ({ token: f.a.invitationId.padEnd(24, "x"), password: STRONG }),
  },
  "account.changePassword": {
    kind: "user",
    input: () => ({ currentPassword: "wrong-password-123", newPassword: STRONG }),
  },
  "account.me": { kind: "user", input: none },
  "account.sessions": { kind: "user", input: none },
  // Another user's session id: nothing happens to it (tests/sessions.test.ts checks it still signs in).
  "account.revokeSession": { kind: "user", input: (f) => ({ sessionId: f.a.owner.sessionId }) },
  "account.signOutOthers": { kind: "user", input: none },
  "organization.create": { kind: "user", input: () => ({ name: "Mallory Labs", kind: "SPONSOR" }) },
  "organization.current": { kind: "org", input: () => ({}) },
  "overview.get": { kind: "org", input: () => ({}) },
  "members.list": { kind: "org", input: () => ({}) },
  "members.changeRole": {
    kind: "org",
    input: (f) => ({ membershipId: f.a.memberId, role: "ADMIN", version: f.a.memberVersion }),
  },
  "members.remove": { kind: "org", input: (f) => ({ membershipId: f.a.memberId, version: f.a.memberVersion }) },
  "members.invitations": { kind: "org", input: () => ({}) },
  "members.invite": { kind: "org", input: (f) => ({ email: f.a.owner.email, role: "VIEWER" }) },
  "members.revokeInvitation": { kind: "org", input: (f) => ({ invitationId: f.a.invitationId }) },
  "invitation.get": { kind: "public", input: (f) => ({ token: f.a.invitationId.padEnd(24, "x") }) },
  "invitation.accept": { kind: "user", input: (f) => ({ token: f.a.invitationId.padEnd(24, "x") }) },
  "audit.list": { kind: "org", input: () => ({ limit: 200 }) },
  "audit.entityTypes": { kind: "org", input: () => ({}) },
  "audit.exportCsv": { kind: "org", input: () => ({}) },
  "vendors.directory": { kind: "org", input: () => ({ q: "Alpha", tags: ["alpha-secret-tag"] }) },
  "vendors.get": { kind: "org", input: (f) => ({ vendorId: f.a.v.vendorId }) },
  "vendors.compare": { kind: "org", input: (f) => ({ vendorIds: [f.a.v.vendorId] }) },
  "vendors.platformProfiles": { kind: "org", input: () => ({ q: "Alpha" }) },
  "vendors.createPrivate": { kind: "org", input: () => vendorProfile },
  "vendors.update": { kind: "org", input: (f) => ({ vendorId: f.a.v.vendorId, version: 1, ...vendorProfile }) },
  "vendors.archive": { kind: "org", input: (f) => ({ vendorId: f.a.v.vendorId, version: 1 }) },
  "vendors.link": { kind: "org", input: (f) => ({ vendorId: f.a.v.vendorId, platformVendorId: null }) },
  "vendors.myProfile": { kind: "org", input: () => ({}) },
  "vendors.createProfile": { kind: "org", input: () => vendorProfile },
  "vendors.saveSite": {
    kind: "org",
    input: (f) => ({ vendorId: f.a.v.vendorId, site: { id: f.a.v.siteId, country: "US", city: "Nowhere" } }),
  },
  "vendors.removeSite": { kind: "org", input: (f) => ({ siteId: f.a.v.siteId }) },
  "vendors.addInspection": {
    kind: "org",
    input: (f) => ({ siteId: f.a.v.siteId, agency: "FDA", endDate: "2024-01-01", classification: "OAI" }),
  },
  "vendors.addWarningLetter": {
    kind: "org",
    input: (f) => ({
      vendorId: f.a.v.vendorId,
      siteId: f.a.v.siteId,
      issuedAt: "2024-01-01",
      subject: "CGMP",
      status: "OPEN",
    }),
  },
  "vendors.addRecall": {
    kind: "org",
    input: (f) => ({ vendorId: f.a.v.vendorId, date: "2024-01-01", classification: "I" }),
  },
  "vendors.removeHistory": { kind: "org", input: (f) => ({ kind: "inspection", id: f.a.v.inspectionId }) },
  "vendors.addNote": { kind: "org", input: (f) => ({ vendorId: f.a.v.vendorId, body: "mallory was here" }) },
  "vendors.removeNote": { kind: "org", input: (f) => ({ noteId: f.a.v.noteId }) },
  "vendors.setTags": { kind: "org", input: (f) => ({ vendorId: f.a.v.vendorId, expectedTags: [], tags: [] }) },
  "vendors.allTags": { kind: "org", input: () => ({}) },
  "vendors.savedFilters": { kind: "org", input: () => ({}) },
  "vendors.saveFilter": { kind: "org", input: () => ({ name: "Alpha secret filter", query: {} }) },
  "vendors.removeFilter": { kind: "org", input: (f) => ({ filterId: f.a.v.filterId }) },
  "vendors.importStart": {
    kind: "org",
    input: () => ({ kind: "INSPECTIONS", fileName: "x.csv", totalRows: 1, header: INSPECTION_HEADER }),
  },
  "vendors.importStage": {
    kind: "org",
    input: (f) => ({ importId: f.a.v.importId, rows: [{ line: 2, data: { "FEI Number": "3000000001" } }] }),
  },
  "vendors.importPreview": { kind: "org", input: (f) => ({ importId: f.a.v.importId }) },
  "vendors.importCommit": { kind: "org", input: (f) => ({ importId: f.a.v.importId }) },
  "vendors.importDiscard": { kind: "org", input: (f) => ({ importId: f.a.v.importId }) },
  // Notifications are personal: B's owner passes A's owner's notification id.
  "notification.list": { kind: "user", input: (f) => ({ cursor: f.a.notificationId, limit: 100 }) },
  "notification.unreadCount": { kind: "user", input: none },
  "notification.markRead": { kind: "user", input: (f) => ({ id: f.a.notificationId }) },
  "notification.preferences": { kind: "user", input: none },
  "notification.setPreference": { kind: "user", input: () => ({ kind: "INVITATION", email: false }) },
  "rfp.editor": { kind: "org", input: (f) => ({ rfpId: f.a.rfpId }) },
  "rfp.update": { kind: "org", input: (f) => ({ rfpId: f.a.rfpId, version: 1, ...rfpDocument }) },
  "bids.status": { kind: "org", input: (f) => ({ rfpId: f.a.rfp.rfpId, round: 1 }) },
  "bids.open": { kind: "org", input: (f) => ({ rfpId: f.a.rfp.rfpId, round: 1 }) },
  "rfpInvitation.list": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId }) },
  "rfpInvitation.addPlatform": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId, vendorId: f.a.v.vendorId }) },
  "rfpInvitation.addEmail": {
    kind: "org",
    input: (f) => ({ rfpId: f.a.inv.rfpId, email: "mallory@evil.example", name: null }),
  },
  "rfpInvitation.revoke": {
    kind: "org",
    input: (f) => ({ rfpId: f.a.inv.rfpId, invitationId: f.a.inv.invitationId }),
  },
  "rfpInvitation.byToken": { kind: "public", input: (f) => ({ token: f.a.inv.emailInvitationId.padEnd(43, "x") }) },
  "rfpInvitation.claim": { kind: "org", input: (f) => ({ token: f.a.inv.emailInvitationId.padEnd(43, "x") }) },
  "portal.inbox": { kind: "org", input: () => ({ show: "open" }) },
  "portal.rfp": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId }) },
  "portal.decline": { kind: "org", input: (f) => ({ rfpId: f.a.inv.rfpId, reason: "Mallory declines for A" }) },
  "responses.matrix": { kind: "org", input: (f) => ({ rfpId: f.a.rfp.rfpId, round: 1 }) },
  "responses.exportCsv": { kind: "org", input: (f) => ({ rfpId: f.a.rfp.rfpId, round: 1 }) },
  "responses.exportXlsx": { kind: "org", input: (f) => ({ rfpId: f.a.rfp.rfpId, round: 1 }) },
  "programme.list": { kind: "org", input: () => ({ archived: false }) },
  "programme.get": { kind: "org", input: (f) => ({ programmeId: f.a.p.programmeId }) },
  "programme.create": { kind: "org", input: () => programme },
  "programme.update": { kind: "org", input: (f) => ({ programmeId: f.a.p.programmeId, version: 1, ...programme }) },
  "programme.archive": { kind: "org", input: (f) => ({ programmeId: f.a.p.programmeId, version: 1 }) },
  "programme.unarchive": { kind: "org", input: (f) => ({ programmeId: f.a.p.programmeId, version: 1 }) },
  "rfp.list": { kind: "org", input: (f) => ({ programmeId: f.a.p.programmeId }) },
  "rfp.get": { kind: "org", input: (f) => ({ rfpId: f.a.p.rfpId }) },
  "rfp.templates": { kind: "org", input: () => ({}) },
  "rfp.create": {
    kind: "org",
    input: (f) => ({ programmeId: f.a.p.programmeId, from: "copy", copyFromId: f.a.p.rfpId, title: "Mallory RFP" }),
  },
  "rfp.copy": { kind: "org", input: (f) => ({ rfpId: f.a.p.rfpId, programmeId: f.a.p.programmeId }) },
  "rfp.status": { kind: "org", input: (f) => ({ rfpId: f.a.rfpId }) },
  "rfp.publish": { kind: "org", input: (f) => ({ rfpId: f.a.rfpId }) },
  "rfp.cancel": { kind: "org", input: (f) => ({ rfpId: f.a.rfpId, reason: "Mallory cancels" }) },
  "rfp.openRevisionRound": {
    kind: "org",
    input: (f) => ({ rfpId: f.a.rfpId, dueAt: new Date(Date.now() + 7 * 86_400_000) }),
  },
  // The CDMO's response procedures; one CDMO against another, by id, is tests/responses.test.ts.
  "portal.response.get": { kind: "org", input: (f) => ({ rfpId: f.a.rfp.rfpId, round: 1 }) },
  "portal.response.saveDraft": {
    kind: "org",
    input: (f) => ({ responseId: f.a.rfp.responseId, version: 1, answers: { "q-text": "mallory was here" } }),
  },
  "portal.response.submit": { kind: "org", input: (f) => ({ responseId: f.a.rfp.responseId, version: 1 }) },
  "portal.response.receipt": { kind: "org", input: (f) => ({ responseId: f.a.rfp.responseId }) },
  "file.list": { kind: "org", input: (f) => ({ rfpId: f.a.files.rfpId }) },
  "file.remove": { kind: "org", input: (f) => ({ fileId: f.a.files.fileId }) },
  "clarification.ask": { kind: "org", input: (f) => ({ rfpId: f.a.rfp.rfpId, question: "Mallory asks" }) },
  "clarification.listAsInvitee": { kind: "org", input: (f) => ({ rfpId: f.a.rfp.rfpId }) },
  "clarification.list": { kind: "org", input: (f) => ({ rfpId: f.a.rfp.rfpId }) },
  "clarification.answer": {
    kind: "org",
    input: (f) => ({ clarificationId: f.a.rfp.clarificationId, answer: "Mallory answers", audience: "ALL" }),
  },
  ...evaluationCases,
  "portfolio.get": { kind: "org", input: (f) => ({ programmeId: f.a.rfp.programmeId, rfpId: f.a.rfp.rfpId }) },
  "portfolio.report": { kind: "org", input: (f) => ({ programmeId: f.a.rfp.programmeId, rfpId: f.a.rfp.rfpId }) },
  "portfolio.createScenario": {
    kind: "org",
    input: (f) => ({
      programmeId: f.a.rfp.programmeId,
      rfpId: f.a.rfp.rfpId,
      name: "Mallory's scenario",
      settings: {},
    }),
  },
  "portfolio.saveScenario": {
    kind: "org",
    input: (f) => ({ scenarioId: f.a.pf.scenarioId, version: 2, name: "Mallory renamed it" }),
  },
  "portfolio.deleteScenario": { kind: "org", input: (f) => ({ scenarioId: f.a.pf.scenarioId, version: 2 }) },
  "portfolio.saveSimulation": {
    kind: "org",
    input: (f) => ({ scenarioId: f.a.pf.scenarioId, version: 2, assignment: {}, iterations: 1000, seed: 1 }),
  },
  "portfolio.propose": {
    kind: "org",
    input: (f) => ({
      scenarioId: f.a.pf.scenarioId,
      version: 2,
      assignment: {},
      rationale: "Mallory proposes this",
      approverIds: [f.a.pf.approverId],
      password: "guess",
    }),
  },
  "portfolio.sign": {
    kind: "org",
    input: (f) => ({ decisionId: f.a.pf.decisionId, meaning: "APPROVER", password: "guess" }),
  },
  "portfolio.withdraw": {
    kind: "org",
    input: (f) => ({ decisionId: f.a.pf.decisionId, version: 1, reason: "Mallory withdraws" }),
  },
  "shortlist.board": { kind: "org", input: (f) => ({ programmeId: f.a.p.programmeId }) },
  "shortlist.comments": { kind: "org", input: (f) => ({ entryId: f.a.p.entryId }) },
  "shortlist.activity": { kind: "org", input: (f) => ({ programmeId: f.a.p.programmeId }) },
  "shortlist.add": { kind: "org", input: (f) => ({ programmeId: f.a.p.programmeId, vendorId: f.a.v.vendorId }) },
  "shortlist.addInvited": { kind: "org", input: (f) => ({ programmeId: f.a.p.programmeId }) },
  "shortlist.move": {
    kind: "org",
    input: (f) => ({ entryId: f.a.p.entryId, stage: "SELECTED", position: 0, version: 1 }),
  },
  "shortlist.remove": { kind: "org", input: (f) => ({ entryId: f.a.p.entryId, version: 1 }) },
  "shortlist.vote": { kind: "org", input: (f) => ({ entryId: f.a.p.entryId, value: 1 }) },
  "shortlist.comment": {
    kind: "org",
    input: (f) => ({ entryId: f.a.p.entryId, body: "Mallory comments", parentId: f.a.p.commentId }),
  },
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
  const inv = await callerFor(ownerA).members.invite({
    orgSlug: orgA.slug,
    email: "invitee-a@test.example",
    role: "EVALUATOR",
  });
  const v = await buildVendorFixture(callerFor(ownerA), orgA.slug);
  const notificationId = await notificationFixture(orgA.id, ownerA.id);
  const { seedRfp } = await import("./helpers/rfp-seed");
  const { rfpId } = await seedRfp(orgA.id, { title: "Alpha secret RFP" });
  const rfp = await buildRfpFixture(d, orgA.id, ownerA, member);
  const invitations = await buildRfpInvitationFixture(d, callerFor(ownerA), orgA);
  const p = await buildProgrammeFixture(callerFor(ownerA), orgA.slug, v.vendorId);
  const pf = await buildPortfolioFixture(d, callerFor(ownerA), orgA, rfp);
  const { rfpWithAttachment } = await import("./helpers/rfp-world");
  const files = await rfpWithAttachment({ ...orgA, owner: ownerA }, "alpha-secret-scope.pdf");
  const ownerB = await d.makeUser("owner-b");
  const orgB = await d.makeOrg("SPONSOR", ownerB, "Beta Sponsor");
  const ownerC = await d.makeUser("owner-c");
  const orgC = await d.makeOrg("CDMO", ownerC, "Gamma CDMO");
  return {
    a: {
      orgId: orgA.id,
      slug: orgA.slug,
      owner: ownerA,
      memberId: m.id,
      memberVersion: m.version,
      invitationId: inv.id,
      notificationId,
      secrets: [
        notificationId,
        NOTIFICATION_SECRET,
        orgA.id,
        orgA.slug,
        m.id,
        member.email,
        inv.id,
        "invitee-a@test.example",
        ownerA.email,
        ...Object.values(v),
        ...VENDOR_SECRETS,
        rfpId,
        "Alpha secret RFP",
        ...Object.values(rfp),
        ...RFP_SECRETS,
        ...Object.values(invitations.ids),
        ...invitations.secrets,
        ...Object.values(p),
        ...PROGRAMME_SECRETS,
        ...Object.values(pf),
        ...PORTFOLIO_SECRETS,
        files.rfpId,
        files.fileId,
        "alpha-secret-scope.pdf",
      ],
      v,
      rfpId,
      rfp,
      inv: invitations.ids,
      p,
      pf,
      files,
    },
    b: { orgId: orgB.id, slug: orgB.slug, owner: ownerB },
    c: { orgId: orgC.id, slug: orgC.slug, owner: ownerC },
  };
}

const NOTIFICATION_SECRET = "Alpha private notification";

/** A notification for org A's members (an organisation may notify itself), returning the owner's. */
async function notificationFixture(orgId: string, ownerId: string): Promise<string> {
  const { notify } = await import("@/server/notifications/notify");
  const { getDb } = await import("@/server/db/client");
  const { withTenant } = await import("@/server/db/tenant");
  const { asUser } = await import("@/server/db/user-scope");
  await withTenant(await getDb(), { orgId }, (db) =>
    notify(db, { orgId, kind: "RFP_CLOSED", title: NOTIFICATION_SECRET, body: NOTIFICATION_SECRET, link: "/a/x" }),
  );
  return asUser(ownerId, async (db) => (await db.notification.findFirstOrThrow({ select: { id: true } })).id);
}

const PORTFOLIO_SECRETS = ["Alpha secret scenario", "Alpha secret rationale for the award"];

/** Org A plans a portfolio on its closed RFP and proposes it (the author's signature re-enters the password). */
async function buildPortfolioFixture(
  d: Deps,
  api: ReturnType<typeof import("./helpers/actors").callerFor>,
  orgA: { id: string; slug: string },
  rfp: RfpSecrets,
): Promise<PortfolioFixture> {
  const { addMember, TEST_PASSWORD } = await import("./helpers/actors");
  const approver = await d.makeUser("approver-a");
  await addMember(orgA.id, approver, "EVALUATOR");
  const { id: scenarioId, version } = await api.portfolio.createScenario({
    orgSlug: orgA.slug,
    programmeId: rfp.programmeId,
    rfpId: rfp.rfpId,
    name: "Alpha secret scenario",
    settings: {},
  });
  const { programme } = await api.portfolio.get({ orgSlug: orgA.slug, programmeId: rfp.programmeId });
  const assignment = Object.fromEntries(programme.stages.map((s) => [s, rfp.invitationId]));
  const { decisionId } = await api.portfolio.propose({
    orgSlug: orgA.slug,
    scenarioId,
    version,
    assignment,
    rationale: "Alpha secret rationale for the award",
    approverIds: [approver.id],
    password: TEST_PASSWORD,
  });
  return { scenarioId, decisionId, approverId: approver.id };
}

const PROGRAMME_SECRETS = [
  "Alpha Secret Programme",
  "ALPHA-SECRET-MOLECULE",
  "Alpha Secret RFP",
  "Alpha secret shortlist comment",
];

/** Org A (a sponsor) runs a programme with a draft RFP from the mAb template and its secret vendor shortlisted. */
async function buildProgrammeFixture(
  caller: ReturnType<typeof import("./helpers/actors").callerFor>,
  orgSlug: string,
  vendorId: string,
): Promise<ProgrammeFixture> {
  const { id: programmeId } = await caller.programme.create({
    orgSlug,
    ...programme,
    name: "Alpha Secret Programme",
    molecule: "ALPHA-SECRET-MOLECULE",
    description: "Alpha confidential programme notes",
  });
  const { id: rfpId } = await caller.rfp.create({
    orgSlug,
    programmeId,
    from: "template",
    templateKey: "mab-ds-dp",
    title: "Alpha Secret RFP",
  });
  const { id: entryId } = await caller.shortlist.add({ orgSlug, programmeId, vendorId });
  const { id: commentId } = await caller.shortlist.comment({
    orgSlug,
    entryId,
    body: "Alpha secret shortlist comment",
  });
  return { programmeId, rfpId, entryId, commentId };
}

const VENDOR_SECRETS = [
  "Alpha Secret Vendor",
  "alpha-secret-tag",
  "Alpha confidential note",
  "Alpha saved filter",
  "3000000001",
];

const RFP_SECRETS = ["Alpha sealed RFP", "Alpha invited CDMO", "Alpha price 4242", "Alpha secret question"];

/** A sealed RFP of org A, due yesterday, answered by a CDMO and opened by two members of A. */
async function buildRfpFixture(d: Deps, sponsorId: string, owner: TestUser, member: TestUser): Promise<RfpSecrets> {
  const { makeRfp, submitResponse, priceAnswers } = await import("./helpers/rfp-responses");
  const cdmoOwner = await d.makeUser("cdmo-a");
  const cdmo = await d.makeOrg("CDMO", cdmoOwner, "Alpha invited CDMO");
  const rfp = await makeRfp({
    sponsorId,
    cdmos: [{ id: cdmo.id, name: "Alpha invited CDMO" }],
    dueAt: new Date(Date.now() - 86_400_000),
    sealed: true,
    committeeOpening: true,
    title: "Alpha sealed RFP",
  });
  const answers = { ...priceAnswers(4242), "com-pass-through": "Alpha price 4242 plus pass-through" };
  const responseId = await submitResponse({ cdmoId: cdmo.id, sponsorId, rfp, answers });
  const { getDb } = await import("@/server/db/client");
  const { withTenant } = await import("@/server/db/tenant");
  await withTenant(await getDb(), { orgId: sponsorId }, (tx) =>
    tx.bidOpening.createMany({
      data: [owner, member].map((u) => ({ rfpId: rfp.rfpId, round: 1, userId: u.id })),
    }),
  );
  // A question asked while it was open, answered to every invitee.
  const q = await withTenant(await getDb(), { orgId: cdmo.id }, (tx) =>
    tx.clarification.create({
      data: { rfpId: rfp.rfpId, sponsorOrganizationId: sponsorId, question: "Alpha secret question" },
    }),
  );
  await withTenant(await getDb(), { orgId: sponsorId }, (tx) =>
    tx.clarificationAnswer.create({
      data: {
        rfpId: rfp.rfpId,
        clarificationId: q.id,
        question: "Alpha secret question",
        answer: "Alpha secret answer",
        audience: "ALL",
      },
    }),
  );
  return {
    rfpId: rfp.rfpId,
    programmeId: rfp.programmeId,
    invitationId: rfp.invitations.get(cdmo.id)!,
    cdmoId: cdmo.id,
    responseId,
    clarificationId: q.id,
  };
}

/** Org A (a sponsor) keeps a private vendor with a site, history, a note, a tag, a saved filter and a staged import. */
async function buildVendorFixture(
  caller: ReturnType<typeof import("./helpers/actors").callerFor>,
  orgSlug: string,
): Promise<VendorFixture> {
  const api = caller.vendors;
  const { id: vendorId } = await api.createPrivate({
    orgSlug,
    ...vendorProfile,
    name: "Alpha Secret Vendor",
    legalName: "Alpha Secret Vendor Inc.",
  });
  const { id: siteId } = await api.saveSite({
    orgSlug,
    vendorId,
    site: { country: "US", city: "Alphaville", feiNumber: "3000000001" },
  });
  const { id: inspectionId } = await api.addInspection({
    orgSlug,
    siteId,
    agency: "FDA",
    endDate: "2023-05-01",
    classification: "VAI",
  });
  const { id: letterId } = await api.addWarningLetter({
    orgSlug,
    vendorId,
    siteId,
    issuedAt: "2022-02-01",
    subject: "CGMP",
    status: "CLOSED",
  });
  const { id: recallId } = await api.addRecall({ orgSlug, vendorId, date: "2021-03-01", classification: "II" });
  const { id: noteId } = await api.addNote({ orgSlug, vendorId, body: "Alpha confidential note" });
  await api.setTags({ orgSlug, vendorId, expectedTags: [], tags: ["alpha-secret-tag"] });
  const { id: filterId } = await api.saveFilter({
    orgSlug,
    name: "Alpha saved filter",
    query: { tags: ["alpha-secret-tag"] },
  });
  const { importId } = await api.importStart({
    orgSlug,
    kind: "INSPECTIONS",
    fileName: "alpha.csv",
    totalRows: 1,
    header: INSPECTION_HEADER,
  });
  await api.importStage({
    orgSlug,
    importId,
    rows: [
      {
        line: 2,
        data: {
          "FEI Number": "3000000001",
          "Legal Name": "Alpha Secret Vendor Inc.",
          City: "Alphaville",
          "Country/Area": "United States",
          "Inspection End Date": "1/5/2024",
          Classification: "OAI",
          "Project Area": "Biologics",
        },
      },
    ],
  });
  return { vendorId, siteId, inspectionId, letterId, recallId, noteId, filterId, importId };
}

/**
 * Org A publishes an RFP (written directly, as the builder's procedures are not what is tested
 * here) and invites a platform CDMO and an e-mail address through its own procedures.
 */
async function buildRfpInvitationFixture(
  d: Deps,
  api: ReturnType<typeof import("./helpers/actors").callerFor>,
  orgA: { id: string; slug: string },
): Promise<{ ids: RfpInvitationFixture; secrets: string[] }> {
  const { makeTestRfp, publishTestRfp } = await import("./helpers/portal-fixtures");
  const { callerFor } = await import("./helpers/actors");
  const invitee = await d.makeUser("alpha-invitee");
  const inviteeOrg = await d.makeOrg("CDMO", invitee, "Alpha Invitee CDMO");
  const { id: profileId } = await callerFor(invitee).vendors.createProfile({
    orgSlug: inviteeOrg.slug,
    ...vendorProfile,
    name: "Alpha Invitee CDMO",
  });
  const rfp = await makeTestRfp(orgA.id, { title: "Alpha invited RFP" });
  const { id: invitationId } = await api.rfpInvitation.addPlatform({
    orgSlug: orgA.slug,
    rfpId: rfp.id,
    vendorId: profileId,
  });
  const { id: emailInvitationId } = await api.rfpInvitation.addEmail({
    orgSlug: orgA.slug,
    rfpId: rfp.id,
    email: "alpha-email-invitee@test.example",
    name: "Alpha e-mailed invitee",
  });
  await publishTestRfp(orgA.id, rfp.id);
  return {
    ids: { rfpId: rfp.id, invitationId, emailInvitationId },
    // The invitee's name is public (its platform profile); that A invited it is not.
    secrets: ["Alpha secret RFP", inviteeOrg.id, "alpha-email-invitee@test.example", "Alpha e-mailed invitee"],
  };
}
