// The kinds of notification, with the words the bell, the page and the e-mail settings use.
// Browser-safe (the account page lists them); the database enum NotificationKind matches.

export const NOTIFICATION_KINDS = [
  "INVITATION",
  "CLARIFICATION",
  "RFP_CHANGED",
  "RESPONSE_SUBMITTED",
  "DEADLINE_SOON",
  "RFP_CLOSED",
  "AWARD",
  "MENTION",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  INVITATION: { label: "Invitations", hint: "A sponsor invites your organisation to respond to an RFP." },
  CLARIFICATION: { label: "Clarifications", hint: "A question about an RFP is asked or answered." },
  RFP_CHANGED: { label: "RFP changes", hint: "A published RFP you are invited to is edited or cancelled." },
  RESPONSE_SUBMITTED: { label: "Responses submitted", hint: "A CDMO submits its response to your RFP." },
  DEADLINE_SOON: { label: "Deadline reminders", hint: "48 hours before an RFP's due date, if you have not submitted." },
  RFP_CLOSED: { label: "RFP closed", hint: "An RFP reaches its due date and stops accepting responses." },
  AWARD: { label: "Awards", hint: "The sponsor decides an RFP you responded to." },
  MENTION: { label: "Mentions", hint: "A colleague mentions you in a comment on a programme's shortlist." },
};
