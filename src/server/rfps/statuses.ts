// An RFP's statuses and what the pages call them; browser-safe and without zod.
export const RFP_STATUSES = ["DRAFT", "PUBLISHED", "CLOSED", "AWARDED", "CANCELLED"] as const;
export type RfpStatus = (typeof RFP_STATUSES)[number];

export const RFP_STATUS_LABELS: Record<RfpStatus, string> = {
  DRAFT: "Draft",
  PUBLISHED: "Open for responses",
  CLOSED: "Closed",
  AWARDED: "Awarded",
  CANCELLED: "Cancelled",
};
