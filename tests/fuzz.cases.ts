import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";
import { seedRfp } from "./helpers/rfp-seed";
import { makeRfp, priceAnswers, submitResponse } from "./helpers/rfp-responses";
import { makeInvitedRfp } from "./helpers/response-fixture";
import { INSPECTION_COLUMNS } from "@/server/vendors/import-csv";
import { makeTestRfp, publishTestRfp } from "./helpers/portal-fixtures";
import type { TProgrammeFieldsInput } from "@/server/programmes/schemas";
import { defaultCriteria } from "@/server/evaluation/criteria";
import { DEFAULT_WEIGHTS } from "@/server/rfps/content";

// One entry per procedure of the router: a VALID input (without orgSlug; the fuzz test adds the
// calling organisation's), from which tests/fuzz.test.ts derives invalid ones. The test fails
// when a procedure has no entry, or when its entry does not pass the procedure's own input
// schemas (then the fuzz would never get past validation). Add an entry with every new procedure.

export type FuzzFixture = {
  sponsor: { id: string; slug: string; owner: TestUser };
  cdmo: { id: string; slug: string; owner: TestUser };
  memberId: string;
  memberVersion: number;
  invitationId: string;
  vendorId: string;
  siteId: string;
  inspectionId: string;
  noteId: string;
  filterId: string;
  importId: string;
  platformVendorId: string;
  /** The sponsor's draft RFP (with one attachment, fileId). */
  rfpId: string;
  /** The sponsor's sealed RFP (committee opening) with the CDMO invited and its submitted response. */
  sealedRfpId: string;
  /** A question the CDMO asked about it. */
  clarificationId: string;
  /** The sponsor's published RFP, to which the CDMO is invited. */
  invitedRfpId: string;
  rfpInvitationId: string;
  programmeId: string;
  /** Another published RFP the CDMO is invited to (one question of each kind), and the CDMO's draft response to it. */
  responseRfpId: string;
  responseId: string;
  fileId: string;
  /** The platform vendor on the programme's shortlist, with a comment. */
  shortlistEntryId: string;
  shortlistCommentId: string;
  /** A portfolio scenario on the sealed RFP's programme. */
  sealedProgrammeId: string;
  scenarioId: string;
};

type Input = Record<string, unknown>;
/** `as` for user/public procedures: who calls (org procedures are called by an owner whose organisation holds the permission). */
export type FuzzCase = { input: (f: FuzzFixture) => Input | undefined; as?: "anonymous" | "user" };

const STRONG = "bioreactor-harvest-window-7";
const cell = (f: FuzzFixture) => ({
  rfpId: f.invitedRfpId,
  vendorId: f.rfpInvitationId,
  criterionId: "capability.modality",
});
const portfolioCases: Record<string, FuzzCase> = {
  "portfolio.get": { input: (f) => ({ programmeId: f.sealedProgrammeId, rfpId: f.sealedRfpId }) },
  "portfolio.report": { input: (f) => ({ programmeId: f.sealedProgrammeId, rfpId: f.sealedRfpId }) },
  "portfolio.createScenario": {
    input: (f) => ({
      programmeId: f.sealedProgrammeId,
      rfpId: f.sealedRfpId,
      name: "Fuzz scenario two",
      settings: {
        constraints: { maxVendors: 2, budget: 5_000_000, locked: { CLD: "x" }, excludedVendors: ["y"] },
        risk: { x: { annualRisk: 0.05, reason: "Line one\nline two" } },
        estimates: [
          { id: "est-a1", stageId: "FILL", vendorId: null, label: "Typical fill", price: 1, durationWeeks: 2 },
        ],
      },
    }),
  },
  "portfolio.saveScenario": {
    input: (f) => ({ scenarioId: f.scenarioId, version: 99, name: "Renamed", pinned: true, assignment: null }),
  },
  "portfolio.deleteScenario": { input: (f) => ({ scenarioId: f.scenarioId, version: 99 }) },
  "portfolio.saveSimulation": {
    input: (f) => ({ scenarioId: f.scenarioId, version: 99, assignment: { CLD: "x" }, iterations: 1000, seed: 7 }),
  },
  "portfolio.propose": {
    input: (f) => ({
      scenarioId: f.scenarioId,
      version: 99,
      assignment: { CLD: "x" },
      rationale: "Because it is the best.",
      approverIds: [f.sponsor.owner.id],
      password: STRONG,
    }),
  },
  "portfolio.sign": { input: () => ({ decisionId: "missing-decision", meaning: "REVIEWER", password: STRONG }) },
  "portfolio.withdraw": { input: () => ({ decisionId: "missing-decision", version: 1, reason: "Changed our mind" }) },
};

const evaluationCases: Record<string, FuzzCase> = {
  "evaluation.get": { input: (f) => ({ rfpId: f.invitedRfpId }) },
  "evaluation.export": { input: (f) => ({ rfpId: f.invitedRfpId, format: "csv" }) },
  "evaluation.saveScores": {
    input: (f) => ({
      rfpId: f.invitedRfpId,
      entries: [{ vendorId: f.rfpInvitationId, criterionId: "capability.modality", value: 3.5, comment: "Line\ntwo" }],
    }),
  },
  "evaluation.submit": { input: (f) => ({ rfpId: f.invitedRfpId }) },
  "evaluation.reopen": { input: (f) => ({ rfpId: f.invitedRfpId, evaluatorId: f.sponsor.owner.id }) },
  "evaluation.setup": {
    input: (f) => ({
      rfpId: f.invitedRfpId,
      version: 0,
      criteria: defaultCriteria(DEFAULT_WEIGHTS),
      weightMode: "points",
      aggregation: "median",
      blind: true,
      scale: { min: 0, max: 5 },
    }),
  },
  "evaluation.override": {
    input: (f) => ({ ...cell(f), criterionId: "pricing.price", value: 4, reason: "Agreed\nby the team" }),
  },
  "evaluation.rationale": { input: (f) => ({ ...cell(f), text: "We accept the spread." }) },
  "evaluation.lock": { input: (f) => ({ rfpId: f.invitedRfpId, version: 1 }) },
  "evaluation.unlock": { input: (f) => ({ rfpId: f.invitedRfpId, version: 1, reason: "Reopened for a new quote" }) },
};
const INSPECTION_HEADER = [...INSPECTION_COLUMNS];
const profile = {
  name: "Fuzz Vendor",
  legalName: "Fuzz Vendor Inc.",
  hqCountry: "US",
  hqCity: "Boston",
  website: "https://fuzz.example",
  summary: "Line one\nline two",
  stages: ["FILL"],
  modalities: ["MAB"],
  certifications: ["EU GMP"],
  scaleTiers: ["CLINICAL"],
  maxBioreactorLitres: 2000,
  maxBatchUnits: 50000,
};
const filter = {
  q: "fuzz",
  stages: ["FILL"],
  modalities: ["MAB"],
  regions: ["NA"],
  countries: ["US"],
  scaleTiers: ["CLINICAL"],
  minBioreactorLitres: 100,
  minBatchUnits: 10,
  qualityMin: 10,
  qualityMax: 90,
  hasOpenWarningLetter: false,
  source: "ALL",
  tags: ["fuzz"],
  sort: "name",
  dir: "asc",
  pageSize: 25,
};
const token = "A".repeat(43);
/** The builder's whole document, one question of most kinds. */
const rfpDocument = {
  title: "Fuzz RFP",
  summary: "Line one\nline two",
  stages: ["FILL"],
  weights: { capability: 35, quality: 25, pricing: 25, handoff: 15 },
  dueAt: new Date("2030-01-15T16:00:00Z"),
  timeZone: "Europe/Berlin",
  sealed: true,
  committeeOpening: true,
  content: {
    sections: [
      {
        id: "sec-1",
        title: "Technical",
        description: "About you",
        questions: [
          { id: "q-single", kind: "single", prompt: "Pick one", help: "Help", required: true, options: ["A", "B"] },
          { id: "q-number", kind: "number", prompt: "Titre", required: false, unit: "g/L", min: 0, max: 10 },
          { id: "q-file", kind: "file", prompt: "Attach", required: false, accept: ["pdf"] },
          { id: "q-price", kind: "price", prompt: "Price", required: true, stage: "FILL" },
        ],
      },
    ],
  },
};
const programme: TProgrammeFieldsInput = {
  name: "Fuzz Programme",
  molecule: "FZ-101",
  modality: "MAB",
  phase: "PHASE_2",
  stages: ["CLD", "PD", "DS_CLIN", "FILL"],
  description: "Line one\nline two",
  startDate: "2027-01-04",
  targetDate: "2029-06-30",
  budget: 12_500_000,
  currency: "EUR",
  costOfDelayPerWeek: 400_000,
  assumptions: {
    externalTransferWeeks: 10,
    externalTransferCost: 300_000,
    internalTransferWeeks: 2,
    internalTransferCost: 20_000,
    vendorOverheadCost: 150_000,
    onboardingWeeks: 6,
    disruptionDelayWeeks: 26,
    costOfDelayPerWeek: 400_000,
    externalTransferFailureRate: 0.1,
    internalTransferFailureRate: 0.05,
  },
};

export const FUZZ: Record<string, FuzzCase> = {
  "account.signUp": {
    as: "anonymous",
    input: () => ({
      name: "Fuzz",
      email: "fuzz-new@test.example",
      password: STRONG,
      organizationName: "Fuzz Bio",
      organizationKind: "SPONSOR",
    }),
  },
  "account.confirmSignUp": { as: "anonymous", input: () => ({ token }) },
  "account.signUpWithInvitation": { as: "anonymous", input: () => ({ token, name: "Fuzz", password: STRONG }) },
  "account.requestPasswordReset": { as: "anonymous", input: () => ({ email: "nobody@test.example" }) },
  "account.resetPassword": { as: "anonymous", input: () => ({ token, password: STRONG }) },
  "account.changePassword": {
    as: "user",
    input: () => ({ currentPassword: "not-the-password-1", newPassword: STRONG }),
  },
  "account.me": { as: "user", input: () => undefined },
  "account.sessions": { as: "user", input: () => undefined },
  "account.revokeSession": { as: "user", input: () => ({ sessionId: "c000000000000000000000000" }) },
  "account.signOutOthers": { as: "user", input: () => undefined },
  "organization.create": { as: "user", input: () => ({ name: "Fuzz Labs", kind: "CDMO" }) },
  "organization.current": { input: () => ({}) },
  "overview.get": { input: () => ({}) },
  "members.list": { input: () => ({}) },
  "members.changeRole": {
    input: (f) => ({ membershipId: f.memberId, role: "EVALUATOR", version: f.memberVersion + 5 }),
  },
  "members.remove": { input: (f) => ({ membershipId: f.memberId, version: f.memberVersion + 5 }) },
  "members.invitations": { input: () => ({}) },
  "members.invite": { input: () => ({ email: "invitee-fuzz@test.example", role: "VIEWER" }) },
  "members.revokeInvitation": { input: (f) => ({ invitationId: f.invitationId }) },
  "invitation.get": { as: "anonymous", input: () => ({ token }) },
  "invitation.accept": { as: "user", input: () => ({ token }) },
  "audit.list": {
    input: (f) => ({
      action: "vendor.created",
      entityType: "Vendor",
      entityId: f.vendorId,
      actor: "owner",
      from: new Date("2020-01-01T00:00:00Z"),
      to: new Date("2030-01-01T00:00:00Z"),
      cursor: null,
      limit: 20,
    }),
  },
  "audit.entityTypes": { input: () => ({}) },
  "audit.exportCsv": { input: () => ({ action: "vendor.created", from: new Date("2020-01-01T00:00:00Z") }) },
  "vendors.directory": { input: () => ({ ...filter, page: 1 }) },
  "vendors.get": { input: (f) => ({ vendorId: f.vendorId }) },
  "vendors.compare": { input: (f) => ({ vendorIds: [f.vendorId, f.platformVendorId] }) },
  "vendors.platformProfiles": { input: () => ({ q: "fuzz" }) },
  "vendors.createPrivate": { input: () => profile },
  "vendors.update": { input: (f) => ({ vendorId: f.vendorId, version: 99, ...profile }) },
  "vendors.archive": { input: (f) => ({ vendorId: f.vendorId, version: 99 }) },
  "vendors.link": { input: (f) => ({ vendorId: f.vendorId, platformVendorId: f.platformVendorId }) },
  "vendors.myProfile": { input: () => ({}) },
  "vendors.createProfile": { input: () => profile },
  "vendors.saveSite": {
    input: (f) => ({
      vendorId: f.vendorId,
      site: { id: f.siteId, name: "Plant 1", country: "US", city: "Boston", state: "MA", feiNumber: "3000000009" },
    }),
  },
  "vendors.removeSite": { input: (f) => ({ siteId: f.siteId }) },
  "vendors.addInspection": {
    input: (f) => ({
      siteId: f.siteId,
      agency: "FDA",
      endDate: "2023-04-01",
      classification: "VAI",
      observations483: 3,
      citations: "21 CFR 211",
    }),
  },
  "vendors.addWarningLetter": {
    input: (f) => ({
      vendorId: f.vendorId,
      siteId: f.siteId,
      issuedAt: "2022-01-01",
      subject: "CGMP",
      issuingOffice: "CDER",
      status: "CLOSED",
      closedAt: "2022-06-01",
    }),
  },
  "vendors.addRecall": {
    input: (f) => ({
      vendorId: f.vendorId,
      siteId: f.siteId,
      date: "2021-01-01",
      classification: "II",
      product: "Vials",
      reason: "Particles",
    }),
  },
  "vendors.removeHistory": { input: (f) => ({ kind: "inspection", id: f.inspectionId }) },
  "vendors.addNote": { input: (f) => ({ vendorId: f.vendorId, body: "A note" }) },
  "vendors.removeNote": { input: (f) => ({ noteId: f.noteId }) },
  "vendors.setTags": { input: (f) => ({ vendorId: f.vendorId, expectedTags: ["stale"], tags: ["fuzz", "shortlist"] }) },
  "vendors.allTags": { input: () => ({}) },
  "vendors.savedFilters": { input: () => ({}) },
  "vendors.saveFilter": { input: () => ({ name: "Fuzz filter", query: filter }) },
  "vendors.removeFilter": { input: (f) => ({ filterId: f.filterId }) },
  "vendors.importStart": {
    input: () => ({ kind: "INSPECTIONS", fileName: "fuzz.csv", totalRows: 1, header: INSPECTION_HEADER }),
  },
  "vendors.importStage": {
    input: (f) => ({ importId: f.importId, rows: [{ line: 3, data: { "FEI Number": "3000000009", City: "Boston" } }] }),
  },
  "vendors.importPreview": { input: (f) => ({ importId: f.importId }) },
  "vendors.importCommit": { input: (f) => ({ importId: f.importId }) },
  "vendors.importDiscard": { input: (f) => ({ importId: f.importId }) },
  "notification.list": { as: "user", input: () => ({ cursor: null, limit: 20, unreadOnly: true }) },
  "notification.unreadCount": { as: "user", input: () => undefined },
  "notification.markRead": { as: "user", input: () => ({ id: "nfuzz0000" }) },
  "notification.preferences": { as: "user", input: () => undefined },
  "notification.setPreference": { as: "user", input: () => ({ kind: "DEADLINE_SOON", email: false }) },
  "rfp.editor": { input: (f) => ({ rfpId: f.rfpId }) },
  "rfp.update": { input: (f) => ({ rfpId: f.rfpId, version: 99, ...rfpDocument }) },
  "bids.status": { input: (f) => ({ rfpId: f.sealedRfpId, round: 1 }) },
  "bids.open": { input: (f) => ({ rfpId: f.sealedRfpId, round: 1 }) },
  "rfpInvitation.list": { input: (f) => ({ rfpId: f.invitedRfpId }) },
  "rfpInvitation.addPlatform": { input: (f) => ({ rfpId: f.invitedRfpId, vendorId: f.platformVendorId }) },
  "rfpInvitation.addEmail": {
    input: (f) => ({ rfpId: f.invitedRfpId, email: "fuzz-invitee@test.example", name: "Fuzz Invitee" }),
  },
  "rfpInvitation.revoke": { input: (f) => ({ rfpId: f.invitedRfpId, invitationId: f.rfpInvitationId }) },
  "rfpInvitation.byToken": { as: "anonymous", input: () => ({ token }) },
  "rfpInvitation.claim": { input: () => ({ token }) },
  "portal.inbox": { input: () => ({ show: "open", page: 1, pageSize: 25 }) },
  "portal.rfp": { input: (f) => ({ rfpId: f.invitedRfpId }) },
  "portal.decline": { input: (f) => ({ rfpId: f.invitedRfpId, reason: "No free capacity before Q3." }) },
  "responses.matrix": { input: (f) => ({ rfpId: f.sealedRfpId, round: 1 }) },
  "responses.exportCsv": { input: (f) => ({ rfpId: f.sealedRfpId, round: 1 }) },
  "responses.exportXlsx": { input: (f) => ({ rfpId: f.sealedRfpId, round: 1 }) },
  "programme.list": { input: () => ({ archived: true }) },
  "programme.get": { input: (f) => ({ programmeId: f.programmeId }) },
  "programme.create": { input: () => programme },
  "programme.update": { input: (f) => ({ programmeId: f.programmeId, version: 99, ...programme }) },
  "programme.archive": { input: (f) => ({ programmeId: f.programmeId, version: 99 }) },
  "programme.unarchive": { input: (f) => ({ programmeId: f.programmeId, version: 99 }) },
  "rfp.list": { input: (f) => ({ programmeId: f.programmeId }) },
  "rfp.get": { input: (f) => ({ rfpId: f.rfpId }) },
  "rfp.templates": { input: () => ({}) },
  "rfp.create": {
    input: (f) => ({
      programmeId: f.programmeId,
      from: "template",
      templateKey: "mab-ds-dp",
      title: "Fuzz RFP",
      stages: ["PD", "DS_CLIN"],
      timeZone: "Europe/Berlin",
    }),
  },
  "rfp.copy": { input: (f) => ({ rfpId: f.rfpId, programmeId: f.programmeId, title: "Fuzz copy" }) },
  "rfp.status": { input: (f) => ({ rfpId: f.rfpId }) },
  "rfp.publish": { input: (f) => ({ rfpId: f.rfpId, version: 99 }) },
  "rfp.cancel": { input: (f) => ({ rfpId: f.rfpId, reason: "Fuzz reason\nsecond line", version: 99 }) },
  "rfp.openRevisionRound": {
    input: (f) => ({
      rfpId: f.rfpId,
      dueAt: "2099-01-01T12:00:00Z",
      timeZone: "Europe/Berlin",
      note: "Fuzz note",
      version: 99,
    }),
  },
  "portal.response.get": { input: (f) => ({ rfpId: f.responseRfpId, round: 1 }) },
  "portal.response.saveDraft": {
    input: (f) => ({
      responseId: f.responseId,
      version: 1,
      answers: {
        "q-text": "Fed-batch CHO\nline two",
        "q-yesno": true,
        "q-number": { value: 2000 },
        "q-single": "CHO",
        "q-multi": ["Vials", "Syringes"],
        "q-price-ds": { price: 1250000.5, durationWeeks: 26, minWeeks: 22, maxWeeks: 30, includes: "Two batches" },
      },
    }),
  },
  "portal.response.submit": { input: (f) => ({ responseId: f.responseId, version: 1 }) },
  "portal.response.receipt": { input: (f) => ({ responseId: f.responseId }) },
  "file.list": { input: (f) => ({ rfpId: f.rfpId }) },
  "file.remove": { input: (f) => ({ fileId: f.fileId }) },
  "clarification.ask": { input: (f) => ({ rfpId: f.sealedRfpId, question: "Line one\nline two?" }) },
  "clarification.listAsInvitee": { input: (f) => ({ rfpId: f.sealedRfpId }) },
  "clarification.list": { input: (f) => ({ rfpId: f.sealedRfpId }) },
  "clarification.answer": {
    input: (f) => ({
      clarificationId: f.clarificationId,
      answer: "Yes.\nSee section 2.",
      audience: "ALL",
      question: "Reworded?",
    }),
  },
  ...evaluationCases,
  ...portfolioCases,
  "shortlist.board": { input: (f) => ({ programmeId: f.programmeId }) },
  "shortlist.comments": { input: (f) => ({ entryId: f.shortlistEntryId }) },
  "shortlist.activity": { input: (f) => ({ programmeId: f.programmeId, cursor: f.shortlistCommentId, limit: 10 }) },
  "shortlist.add": { input: (f) => ({ programmeId: f.programmeId, vendorId: f.vendorId }) },
  "shortlist.addInvited": { input: (f) => ({ programmeId: f.programmeId }) },
  "shortlist.move": { input: (f) => ({ entryId: f.shortlistEntryId, stage: "SHORT", position: 0, version: 99 }) },
  "shortlist.remove": { input: (f) => ({ entryId: f.shortlistEntryId, version: 99 }) },
  "shortlist.vote": { input: (f) => ({ entryId: f.shortlistEntryId, value: -1 }) },
  "shortlist.comment": {
    input: (f) => ({ entryId: f.shortlistEntryId, body: "Line one\nline two", parentId: f.shortlistCommentId }),
  },
};

/** A sponsor with a member, an invitation, a private vendor with history, a note, a filter and a staged import; a CDMO with a platform profile. */
export async function buildFuzzFixture(): Promise<FuzzFixture> {
  const owner = await makeUser("fuzz-owner");
  const sponsor = await makeOrg("SPONSOR", owner, "Fuzz Sponsor");
  const member = await makeUser("fuzz-member");
  const m = await addMember(sponsor.id, member, "VIEWER");
  const cdmoOwner = await makeUser("fuzz-cdmo");
  const cdmo = await makeOrg("CDMO", cdmoOwner, "Fuzz CDMO");
  const { id: platformVendorId } = await callerFor(cdmoOwner).vendors.createProfile({
    orgSlug: cdmo.slug,
    ...profile,
    name: "Fuzz Platform",
  });
  const api = callerFor(owner).vendors;
  const orgSlug = sponsor.slug;
  const inv = await callerFor(owner).members.invite({ orgSlug, email: "pending-fuzz@test.example", role: "EVALUATOR" });
  const { id: vendorId } = await api.createPrivate({ orgSlug, ...profile });
  const { id: siteId } = await api.saveSite({
    orgSlug,
    vendorId,
    site: { country: "US", city: "Boston", feiNumber: "3000000009" },
  });
  const { id: inspectionId } = await api.addInspection({
    orgSlug,
    siteId,
    agency: "FDA",
    endDate: "2023-05-01",
    classification: "VAI",
  });
  const { id: noteId } = await api.addNote({ orgSlug, vendorId, body: "Fuzz note" });
  await api.setTags({ orgSlug, vendorId, expectedTags: [], tags: ["fuzz"] });
  const { id: filterId } = await api.saveFilter({ orgSlug, name: "Fuzz saved", query: {} });
  const { importId } = await api.importStart({
    orgSlug,
    kind: "INSPECTIONS",
    fileName: "fuzz.csv",
    totalRows: 1,
    header: INSPECTION_HEADER,
  });
  await api.importStage({
    orgSlug,
    importId,
    rows: [{ line: 2, data: { "FEI Number": "3000000009", "Inspection End Date": "1/5/2024", Classification: "OAI" } }],
  });
  const { rfpId } = await seedRfp(sponsor.id);
  const rfp = await makeRfp({
    sponsorId: sponsor.id,
    cdmos: [{ id: cdmo.id, name: "Fuzz CDMO" }],
    dueAt: new Date(Date.now() + 7 * 86_400_000),
    sealed: true,
    committeeOpening: true,
  });
  await submitResponse({ cdmoId: cdmo.id, sponsorId: sponsor.id, rfp, answers: priceAnswers(100_000) });
  const { id: clarificationId } = await callerFor(cdmoOwner).clarification.ask({
    orgSlug: cdmo.slug,
    rfpId: rfp.rfpId,
    question: "May we quote a second site?",
  });
  const invited = await makeTestRfp(sponsor.id, { title: "Fuzz RFP" });
  const { id: rfpInvitationId } = await callerFor(owner).rfpInvitation.addPlatform({
    orgSlug,
    rfpId: invited.id,
    vendorId: platformVendorId,
  });
  await publishTestRfp(sponsor.id, invited.id);
  const { id: programmeId } = await callerFor(owner).programme.create({ orgSlug, ...programme });
  const { id: shortlistEntryId } = await callerFor(owner).shortlist.add({
    orgSlug,
    programmeId,
    vendorId: platformVendorId,
  });
  const { id: shortlistCommentId } = await callerFor(owner).shortlist.comment({
    orgSlug,
    entryId: shortlistEntryId,
    body: "Fuzz comment",
  });
  const { id: scenarioId } = await callerFor(owner).portfolio.createScenario({
    orgSlug,
    programmeId: rfp.programmeId,
    rfpId: rfp.rfpId,
    name: "Fuzz scenario",
    settings: {},
  });
  const answering = await makeInvitedRfp({ sponsorId: sponsor.id, cdmoIds: [cdmo.id] });
  const opened = await callerFor(cdmoOwner).portal.response.get({ orgSlug: cdmo.slug, rfpId: answering.rfpId });
  const { rfpWithAttachment } = await import("./helpers/rfp-world");
  const { fileId } = await rfpWithAttachment({ ...sponsor, owner });
  return {
    responseRfpId: answering.rfpId,
    responseId: opened.response!.id,
    sponsor: { ...sponsor, owner },
    cdmo: { ...cdmo, owner: cdmoOwner },
    memberId: m.id,
    memberVersion: m.version,
    invitationId: inv.id,
    vendorId,
    siteId,
    inspectionId,
    noteId,
    filterId,
    importId,
    platformVendorId,
    rfpId,
    sealedRfpId: rfp.rfpId,
    clarificationId,
    invitedRfpId: invited.id,
    rfpInvitationId,
    programmeId,
    fileId,
    shortlistEntryId,
    shortlistCommentId,
    sealedProgrammeId: rfp.programmeId,
    scenarioId,
  };
}
