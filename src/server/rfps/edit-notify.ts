import type { TenantDb } from "../db/tenant";
import { notifyInvitees } from "../notifications/rfp-notify";
import { changeBody } from "./edit-summary";

// How invitees hear that a published RFP changed. The RfpChange row (which they read beside the
// RFP) is written first, in the same transaction; a save that rolls back tells no one.

export async function announceRfpChange(
  db: TenantDb,
  rfp: { id: string; title: string },
  summary: readonly string[],
): Promise<number> {
  return notifyInvitees(db, rfp.id, {
    kind: "RFP_CHANGED",
    title: `RFP changed: ${rfp.title}`,
    body: changeBody(rfp.title, summary),
  });
}
