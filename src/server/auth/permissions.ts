import { rolesFor, type OrgKind, type Role } from "../api/roles";

// Permissions are data: this table says which roles of which kind of organisation may do
// what. The procedure middleware (requirePermission), the services and the UI all read it
// through `can`, and none keeps its own copy of a rule. Importable from client components:
// it must not import anything server-only.
//
// OPERATOR is not a membership role: it is the person at the shell running `cdmo` against
// the database (already past every web check). The CLI acts as OPERATOR instead of
// pretending to be an OWNER, so it holds only what is listed for it here, and the audit log
// records it as no user (actor null), not as someone's membership.

export type Grantee = Role | "OPERATOR";
export type { OrgKind, Role };

type Holders = { readonly [K in OrgKind]: readonly Grantee[] };

const ALL_SPONSOR = ["OWNER", "ADMIN", "EVALUATOR", "VIEWER"] as const;
const ALL_CDMO = ["OWNER", "ADMIN", "RESPONDER"] as const;
const ADMINS = ["OWNER", "ADMIN"] as const;
const SPONSOR_WRITERS = ["OWNER", "ADMIN", "EVALUATOR"] as const;
const NONE = [] as const;

export const PERMISSIONS = {
  /** See the organisation's own name, kind and your role in it. */
  "org.read": { SPONSOR: ALL_SPONSOR, CDMO: ALL_CDMO },
  /**
   * The overview page: what needs attention (a sponsor's RFP deadlines, evaluations, decisions and
   * shortlisted vendors' findings; a CDMO's invitations and drafts). Each member sees it.
   */
  "overview.read": { SPONSOR: ALL_SPONSOR, CDMO: ALL_CDMO },
  "members.read": { SPONSOR: ALL_SPONSOR, CDMO: ALL_CDMO },
  /** Invite people, list and revoke pending invitations. */
  "members.invite": { SPONSOR: ADMINS, CDMO: ADMINS },
  "members.changeRole": { SPONSOR: ADMINS, CDMO: ADMINS },
  "members.remove": { SPONSOR: ADMINS, CDMO: ADMINS },
  /** Grant the owner role, or change or remove an owner (on top of the permission above). */
  "members.manageOwners": { SPONSOR: ["OWNER"], CDMO: ["OWNER"] },
  "audit.read": { SPONSOR: ADMINS, CDMO: ADMINS },
  /**
   * Download everything the organisation owns as one ZIP (src/server/export/): the people who
   * already see all of it (the members, the audit trail, every RFP or response) and answer for it.
   */
  "org.export": { SPONSOR: ADMINS, CDMO: ADMINS },
  /** Open a vendor (own records, platform profiles) and compare vendors. */
  "vendor.read": { SPONSOR: ALL_SPONSOR, CDMO: ALL_CDMO },
  /** Edit the organisation's own vendor records: details, sites, quality history, archive. */
  "vendor.write": { SPONSOR: SPONSOR_WRITERS, CDMO: ADMINS },
  /** Keep private vendor records and link them to platform profiles. */
  "vendor.createPrivate": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
  /** Import FDA inspection and warning-letter files. */
  "vendor.import": { SPONSOR: [...SPONSOR_WRITERS, "OPERATOR"], CDMO: NONE },
  /**
   * Load public FDA records onto a CDMO's platform profile (`cdmo import-fda`, the scheduled
   * fda.load job): only the operator; the CDMO itself cannot write or remove them.
   */
  "fda.load": { SPONSOR: NONE, CDMO: ["OPERATOR"] },
  /** Search the directory, see platform profiles, tags in use and one's own saved filters. */
  "directory.read": { SPONSOR: ALL_SPONSOR, CDMO: NONE },
  /** Save one's own directory filters (a personal preference, so viewers too). */
  "directory.saveFilter": { SPONSOR: ALL_SPONSOR, CDMO: NONE },
  /** Private notes and tags on vendors; remove one's own notes. */
  "notes.write": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
  /** Remove anyone's note. */
  "notes.removeAny": { SPONSOR: ADMINS, CDMO: NONE },
  /** The CDMO's own public profile page. */
  "profile.read": { SPONSOR: NONE, CDMO: ALL_CDMO },
  /** Create and edit the CDMO's public profile. */
  "profile.write": { SPONSOR: NONE, CDMO: ADMINS },
  /** Edit RFPs: the builder's document while it is a draft or open, invitations, attachments. */
  "rfp.write": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
  /** See the organisation's RFPs, their invitees' status, questions asked and sealed-bid state. */
  "rfp.read": { SPONSOR: ALL_SPONSOR, CDMO: NONE },
  /** Open sealed bids after the due date (committee opening: two different members). */
  "rfp.openBids": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
  /** The inbox of invitations and the RFPs the CDMO is invited to; claiming an e-mailed invitation. */
  "portal.read": { SPONSOR: NONE, CDMO: ALL_CDMO },
  /** Draft responses, upload answer files, decline an invitation (CDMO). */
  "response.write": { SPONSOR: NONE, CDMO: ALL_CDMO },
  /** See submitted responses side by side and export them (once any seal has opened). */
  "responses.read": { SPONSOR: ALL_SPONSOR, CDMO: NONE },
  /** See the organisation's programmes and their home pages. */
  "programme.read": { SPONSOR: ALL_SPONSOR, CDMO: NONE },
  /** Create, edit, archive and restore programmes. */
  "programme.write": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
  /** Publish, cancel and open a revision round of an RFP. */
  "rfp.manage": { SPONSOR: ADMINS, CDMO: NONE },
  /** Submit a response: final for its round, with a receipt. */
  "response.submit": { SPONSOR: NONE, CDMO: ALL_CDMO },
  /** List and download the files one may see: own RFP attachments and answer files, and what an RFP shares. */
  "file.read": { SPONSOR: ALL_SPONSOR, CDMO: ALL_CDMO },
  /**
   * Upload and remove files: a sponsor's RFP attachments (the holders of rfp.write), a CDMO's answer
   * files (the holders of response.write). Which of the two a member may touch depends on the kind of
   * organisation; the file service checks the RFP's or the response's state on top.
   */
  "file.write": { SPONSOR: SPONSOR_WRITERS, CDMO: ALL_CDMO },
  /** Answer a CDMO's question, privately or to every invitee without naming the asker. */
  "clarification.answer": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
  /** Ask the sponsor a question about an RFP the organisation is invited to. */
  "clarification.ask": { SPONSOR: NONE, CDMO: ALL_CDMO },
  /** See an RFP's scorecard, the team's scores (blind mode permitting), results and exports. */
  "evaluation.read": { SPONSOR: ALL_SPONSOR, CDMO: NONE },
  /** Score invited vendors on the scorecard's criteria and submit one's scores. */
  "evaluation.score": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
  /**
   * Lead the evaluation: edit criteria, weights and rules, override automatic scores, record
   * rationales for disagreements, reopen an evaluator's submission, lock and unlock.
   */
  "evaluation.manage": { SPONSOR: ADMINS, CDMO: NONE },
  /** See a programme's shortlist board: its columns, votes, comments and activity. */
  "shortlist.read": { SPONSOR: ALL_SPONSOR, CDMO: NONE },
  /** Add, move and remove vendors on a programme's shortlist board, vote and comment. */
  "shortlist.write": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
  /** See a programme's portfolio comparison, its scenarios, simulations and the decision record. */
  "portfolio.read": { SPONSOR: ALL_SPONSOR, CDMO: NONE },
  /** Edit scenarios: assumptions, risks, estimates, constraints, assignments, pins, simulations. */
  "portfolio.write": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
  /** Propose a portfolio for award, or withdraw the proposal (the lead). */
  "decision.propose": { SPONSOR: ADMINS, CDMO: NONE },
  /** Sign a proposed decision as reviewer or approver (re-entering the password). */
  "decision.sign": { SPONSOR: SPONSOR_WRITERS, CDMO: NONE },
} as const satisfies Record<string, Holders>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Whoever acts in an organisation: a member's role, or the operator. */
export type OrgAccess = { kind: OrgKind; role: Grantee };

export function can(org: OrgAccess, permission: Permission): boolean {
  const holders: readonly Grantee[] = PERMISSIONS[permission][org.kind];
  return holders.includes(org.role);
}

/** Which members of this kind of organisation hold the permission (for messages). */
export function holdersOf(kind: OrgKind, permission: Permission): Role[] {
  const holders: readonly Grantee[] = PERMISSIONS[permission][kind];
  return rolesFor(kind).filter((r) => holders.includes(r));
}

/** A sentence saying why `org` may not do this, for a FORBIDDEN answer. */
export function refusal(org: OrgAccess, permission: Permission): string {
  const holders = holdersOf(org.kind, permission);
  if (holders.length === 0) {
    const other: OrgKind = org.kind === "SPONSOR" ? "CDMO" : "SPONSOR";
    return holdersOf(other, permission).length > 0
      ? `This is only available to ${other === "SPONSOR" ? "sponsor" : "CDMO"} organisations.`
      : "This is not available to your organisation.";
  }
  const names = holders.map((r) => r.toLowerCase());
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return `This needs the ${list} role.`;
}

/** Roles a member holding `org`'s access may hand out in an invitation or role change. */
export function assignableRoles(org: OrgAccess): Role[] {
  return rolesFor(org.kind).filter((r) => r !== "OWNER" || can(org, "members.manageOwners"));
}
