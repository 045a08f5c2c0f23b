// Every action the audit log records, with the words the audit page shows for it. recordAudit
// takes an `AuditAction`, so a new action does not compile until it has a label here, and
// actions.test.ts scans src/server for action strings as a second check. Keys are stored in
// the log and exported in CSV: never rename one, add a new one.

export const AUDIT_ACTION_LABELS = {
  // Organisation and members
  "organization.created": "Created the organisation",
  "membership.created": "Added a member",
  "membership.role_changed": "Changed a member's role",
  "membership.removed": "Removed a member",
  "invitation.created": "Invited a member",
  "invitation.accepted": "Accepted an invitation",
  "invitation.revoked": "Revoked an invitation",
  "organization.exported": "Exported the organisation's data",

  // Vendor directory
  "vendor.created": "Added a private vendor",
  "vendor.profile_created": "Created the public profile",
  "vendor.updated": "Edited a vendor",
  "vendor.archived": "Archived a vendor",
  "vendor.linked": "Linked a vendor to its platform profile",
  "vendor.unlinked": "Unlinked a vendor from its platform profile",
  "vendor.quality_changed": "Quality score changed",
  "vendor_tags.set": "Changed a vendor's tags",
  "vendor_note.created": "Added a note",
  "vendor_note.removed": "Removed a note",
  "vendor_site.created": "Added a site",
  "vendor_site.updated": "Edited a site",
  "vendor_site.removed": "Removed a site",
  "inspection.created": "Recorded an inspection",
  "inspection.removed": "Removed an inspection",
  "warning_letter.created": "Recorded a warning letter",
  "warning_letter.removed": "Removed a warning letter",
  "recall.created": "Recorded a recall",
  "recall.removed": "Removed a recall",
  "import.committed": "Imported FDA data",
  "import.discarded": "Discarded an FDA import",
  "fda.loaded": "Loaded public FDA records",

  // Programmes and shortlists
  "programme.created": "Created a programme",
  "programme.updated": "Edited a programme",
  "programme.archived": "Archived a programme",
  "programme.unarchived": "Restored a programme",
  "shortlist.added": "Added a vendor to the shortlist",
  "shortlist.moved": "Moved a shortlisted vendor",
  "shortlist.removed": "Removed a vendor from the shortlist",
  "shortlist.voted": "Voted on a shortlisted vendor",
  "shortlist.commented": "Commented on a shortlisted vendor",

  // RFPs (sponsor side)
  "rfp.created": "Created an RFP",
  "rfp.updated": "Edited an RFP",
  "rfp.published": "Published an RFP",
  "rfp.closed": "Closed an RFP",
  "rfp.cancelled": "Cancelled an RFP",
  "rfp.revision_round_opened": "Opened a revision round",
  "rfp.bidsOpened": "Opened the sealed bids",
  "rfp.awarded": "Awarded an RFP",
  "rfp_invitation.created": "Invited a CDMO to an RFP",
  "rfp_invitation.reinstated": "Re-invited a CDMO to an RFP",
  "rfp_invitation.sent": "Sent an RFP invitation",
  "rfp_invitation.revoked": "Withdrew an RFP invitation",
  "rfp_invitation.claimed": "Claimed an RFP invitation",
  "clarification.asked": "Asked a clarification question",
  "clarification.answered": "Answered a clarification question",
  "file.upload": "Uploaded a file",
  "file.remove": "Removed a file",

  // RFPs (CDMO side)
  "participation.viewed": "Opened an RFP",
  "rfp_participation.viewed": "Opened an RFP",
  "rfp_participation.declined": "Declined an RFP",
  "response.draftOpened": "Started a response",
  "response.saved": "Saved a response draft",
  "response.submitted": "Submitted a response",

  // Evaluation
  "scorecard.updated": "Changed the scorecard",
  "scorecard.locked": "Locked the scorecard",
  "scorecard.unlocked": "Unlocked the scorecard",
  "scores.saved": "Saved scores",
  "scores.submitted": "Submitted scores",
  "scores.reopened": "Reopened an evaluator's scores",
  "score.overridden": "Overrode a score",
  "score.override.removed": "Removed a score override",
  "score.rationale": "Wrote a consensus rationale",

  // Portfolio and decision
  "scenario.created": "Created a portfolio scenario",
  "scenario.updated": "Edited a portfolio scenario",
  "scenario.deleted": "Deleted a portfolio scenario",
  "scenario.simulated": "Ran a risk simulation",
  "decision.proposed": "Proposed a decision",
  "decision.signed": "Signed a decision",
  "decision.withdrawn": "Withdrew a decision",
  "decision.signatures_invalidated": "Signatures invalidated by a change",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

const humanize = (key: string) => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
};

/** The words for an action; an unknown key (an entry older than its label) still reads as words. */
export function actionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? humanize(action);
}

/** The action keys whose key or label contains `text` (the action filter searches both). */
export function actionsMatching(text: string): string[] {
  const t = text.toLowerCase();
  return Object.entries(AUDIT_ACTION_LABELS)
    .filter(([key, label]) => key.toLowerCase().includes(t) || label.toLowerCase().includes(t))
    .map(([key]) => key);
}

/** What kind of record an entry is about, in words. */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  Organization: "Organisation",
  Membership: "Member",
  Invitation: "Member invitation",
  Vendor: "Vendor",
  VendorNote: "Vendor note",
  VendorSite: "Vendor site",
  Inspection: "Inspection",
  WarningLetter: "Warning letter",
  Recall: "Recall",
  ImportRun: "FDA import",
  Programme: "Programme",
  Shortlist: "Shortlist",
  Rfp: "RFP",
  RfpInvitation: "RFP invitation",
  RfpParticipation: "RFP participation",
  RfpResponse: "RFP response",
  Clarification: "Clarification question",
  ClarificationAnswer: "Clarification answer",
  StoredFile: "File",
  Scorecard: "Scorecard",
  PortfolioScenario: "Portfolio scenario",
  PortfolioDecision: "Decision",
};

export const entityTypeLabel = (type: string) => ENTITY_TYPE_LABELS[type] ?? humanize(type);
