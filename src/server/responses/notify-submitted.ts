import type { TenantDb } from "../db/tenant";
import { notifySponsor } from "../notifications/rfp-notify";

/**
 * Tell the sponsor's members that this CDMO submitted (in the submitter's transaction, so a
 * submission that rolls back tells no one). Never a price: the bids may be sealed.
 */
export async function notifySponsorOfSubmission(
  db: TenantDb,
  org: { name: string },
  rfp: { id: string; title: string },
  round: number,
): Promise<void> {
  const roundText = round > 1 ? ` (revision round ${round})` : "";
  await notifySponsor(db, rfp.id, {
    kind: "RESPONSE_SUBMITTED",
    title: `${org.name} submitted a response`,
    body: `${org.name} submitted its response to “${rfp.title}”${roundText}.`,
  });
}
