import { recordAudit, type Actor, type Changes } from "../audit/record-audit";
import type { TenantDb } from "../db/tenant";

// Every change to a board is one audit entry on the programme (entityType "Shortlist", entityId
// the programme's id), written in the change's own transaction. The activity feed is read back
// from these entries, so what the feed shows and what the audit log keeps cannot disagree.
// `changes` always names the card (`entryId`) and its vendor, old and new, so a removed card's
// entries still read as "Kestrel Fill-Finish" after the card is gone.

export const BOARD_ENTITY = "Shortlist";
export const BOARD_ACTIONS = [
  "shortlist.added",
  "shortlist.moved",
  "shortlist.removed",
  "shortlist.voted",
  "shortlist.commented",
] as const;
export type BoardAction = (typeof BOARD_ACTIONS)[number];

type Card = { id: string; vendorName: string };

export async function auditBoard(
  db: TenantDb,
  actor: Actor,
  programmeId: string,
  action: BoardAction,
  card: Card,
  changes: Changes,
): Promise<void> {
  const gone = action === "shortlist.removed";
  const added = action === "shortlist.added";
  await recordAudit(db, {
    actor,
    action,
    entityType: BOARD_ENTITY,
    entityId: programmeId,
    changes: {
      entryId: { old: added ? null : card.id, new: gone ? null : card.id },
      vendor: { old: added ? null : card.vendorName, new: gone ? null : card.vendorName },
      ...changes,
    },
  });
}
