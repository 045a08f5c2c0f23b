// An invitation's status is derived, never stored: the CDMO owns the facts (its participation
// row: viewed, declined, submitted) and the sponsor reads them. Browser-safe, so the badges on
// both sides say the same thing.

export const INVITATION_STATUSES = ["INVITED", "VIEWED", "DECLINED", "SUBMITTED"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  INVITED: "Invited",
  VIEWED: "Viewed",
  DECLINED: "Declined",
  SUBMITTED: "Submitted",
};

export type ParticipationFacts = {
  viewedAt: Date | null;
  declinedAt: Date | null;
  submittedAt: Date | null;
} | null;

/** SUBMITTED beats DECLINED beats VIEWED beats INVITED (a response submitted stays submitted). */
export function invitationStatus(p: ParticipationFacts | undefined): InvitationStatus {
  if (!p) return "INVITED";
  if (p.submittedAt) return "SUBMITTED";
  if (p.declinedAt) return "DECLINED";
  if (p.viewedAt) return "VIEWED";
  return "INVITED";
}
