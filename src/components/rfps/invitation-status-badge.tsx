import { INVITATION_STATUS_LABELS, type InvitationStatus } from "@/server/rfps/invitation-status";
import { Badge, type BadgeTone } from "../ui/badge";

const TONES: Record<InvitationStatus, BadgeTone> = {
  INVITED: "neutral",
  VIEWED: "brand",
  DECLINED: "warning",
  SUBMITTED: "success",
};

/** The derived status of an invitation, the same words on the sponsor's and the CDMO's side. */
export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  return <Badge tone={TONES[status]}>{INVITATION_STATUS_LABELS[status]}</Badge>;
}
