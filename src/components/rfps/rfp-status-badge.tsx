import { RFP_STATUS_LABELS, type RfpStatus } from "@/server/rfps/statuses";
import { Badge, type BadgeTone } from "../ui/badge";

const TONE: Record<RfpStatus, BadgeTone> = {
  DRAFT: "neutral",
  PUBLISHED: "brand",
  CLOSED: "warning",
  AWARDED: "success",
  CANCELLED: "danger",
};

/** An RFP's status as its readers see it (the effective status: past its due date, an open RFP is closed). */
export function RfpStatusBadge({ status }: { status: RfpStatus }) {
  return <Badge tone={TONE[status]}>{RFP_STATUS_LABELS[status]}</Badge>;
}
