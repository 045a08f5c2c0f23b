import type { Actor } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import { lockForWrite } from "../db/sql/locks";
import type { TenantDb } from "../db/tenant";
import { AppError, conflict, notFound } from "../errors/app-error";
import { findProgramme } from "../programmes/programmes";
import { auditBoard } from "./board-audit";
import { columnEntries, findEntry, type ShortlistOrg } from "./board";
import { SHORTLIST_MAX_ENTRIES, stageLabel, type ShortlistStage, type TShortlistMoveInput } from "./schemas";

// Putting vendors on a programme's board, moving them between and within columns, and taking
// them off. Invariants kept on every write:
// - a board holds each vendor once (unique programmeId+vendorId; a second add is a CONFLICT
//   that names the column the vendor is already in, never a database error);
// - writes to one board take its advisory lock first, so concurrent adds and moves run one
//   after another and each column's positions stay 0..n-1 in the order people see;
// - a move or removal names the card's version it started from; a stale one is a CONFLICT;
// - each change writes its audit entry in the same transaction (board-audit.ts).

/** The programme, refusing writes to an archived one; then the board's lock. */
async function openBoardForWrite(db: TenantDb, org: ShortlistOrg, programmeId: string) {
  assertCan(org, "shortlist.write");
  const programme = await findProgramme(db, org, programmeId);
  if (programme.archivedAt)
    throw new AppError("CONFLICT", "This programme is archived. Restore it before changing its shortlist.");
  await lockForWrite(db, { kind: "shortlist", orgId: org.id, programmeId: programme.id });
  return programme;
}

/** Give a column's cards positions 0..n-1 in the given order, writing only those that moved. */
async function renumber(db: TenantDb, cards: { id: string; position: number }[]) {
  for (const [i, c] of cards.entries())
    if (c.position !== i) await db.shortlistEntry.updateMany({ where: { id: c.id }, data: { position: i } });
}

/** A vendor the sponsor may shortlist: its own record or a platform profile, not archived. */
async function shortlistableVendor(db: TenantDb, vendorId: string) {
  const v = await db.vendor.findFirst({ where: { id: vendorId }, select: { id: true, name: true, archivedAt: true } });
  if (!v) throw notFound("The vendor");
  if (v.archivedAt)
    throw new AppError("CONFLICT", `${v.name} is archived in the directory. Restore it before shortlisting it.`, {
      field: "vendorId",
    });
  return v;
}

async function insertCard(
  db: TenantDb,
  actor: Actor,
  programmeId: string,
  vendor: { id: string; name: string },
): Promise<{ id: string; version: number } | { already: ShortlistStage }> {
  const existing = await db.shortlistEntry.findFirst({ where: { programmeId, vendorId: vendor.id } });
  if (existing) return { already: existing.stage };
  const count = await db.shortlistEntry.count({ where: { programmeId } });
  if (count >= SHORTLIST_MAX_ENTRIES)
    throw new AppError(
      "CONFLICT",
      `A shortlist holds at most ${SHORTLIST_MAX_ENTRIES} vendors. Remove some before adding more.`,
    );
  const longList = await columnEntries(db, programmeId, "LONG");
  // skipDuplicates (ON CONFLICT DO NOTHING) keeps a race the lock did not see from aborting the transaction.
  const made = await db.shortlistEntry.createMany({
    data: { programmeId, vendorId: vendor.id, stage: "LONG", position: longList.length, addedById: actor?.id ?? null },
    skipDuplicates: true,
  });
  const row = await db.shortlistEntry.findFirst({ where: { programmeId, vendorId: vendor.id } });
  if (!made.count || !row) return { already: row?.stage ?? "LONG" };
  await auditBoard(
    db,
    actor,
    programmeId,
    "shortlist.added",
    { id: row.id, vendorName: vendor.name },
    {
      stage: { old: null, new: "LONG" },
    },
  );
  return { id: row.id, version: row.version };
}

export async function addToShortlist(
  db: TenantDb,
  actor: Actor,
  org: ShortlistOrg,
  input: { programmeId: string; vendorId: string },
) {
  const programme = await openBoardForWrite(db, org, input.programmeId);
  const vendor = await shortlistableVendor(db, input.vendorId);
  const r = await insertCard(db, actor, programme.id, vendor);
  if ("already" in r)
    throw new AppError("CONFLICT", `${vendor.name} is already on this shortlist, in ${stageLabel(r.already)}.`, {
      field: "vendorId",
    });
  return r;
}

/**
 * Adds the directory vendors invited to any of the programme's RFPs (invitations not revoked,
 * sent or still drafts) that are not on the board yet. People invited by e-mail alone have no
 * directory record and are left out.
 */
export async function addInvitedToShortlist(
  db: TenantDb,
  actor: Actor,
  org: ShortlistOrg,
  input: { programmeId: string },
) {
  const programme = await openBoardForWrite(db, org, input.programmeId);
  const invitations = await db.rfpInvitation.findMany({
    where: { organizationId: org.id, rfp: { programmeId: programme.id }, revokedAt: null, vendorId: { not: null } },
    select: { vendorId: true },
    orderBy: { createdAt: "asc" },
  });
  const vendorIds = [...new Set(invitations.map((i) => i.vendorId!))];
  const vendors = vendorIds.length
    ? await db.vendor.findMany({
        where: { id: { in: vendorIds }, archivedAt: null },
        select: { id: true, name: true },
      })
    : [];
  const byId = new Map(vendors.map((v) => [v.id, v]));
  const added: string[] = [];
  let already = 0;
  for (const id of vendorIds) {
    const v = byId.get(id);
    if (!v) continue;
    const r = await insertCard(db, actor, programme.id, v);
    if ("already" in r) already++;
    else added.push(v.name);
  }
  return { added, already, invited: vendorIds.length };
}

export async function moveOnShortlist(db: TenantDb, actor: Actor, org: ShortlistOrg, input: TShortlistMoveInput) {
  assertCan(org, "shortlist.write");
  const before = await findEntry(db, org, input.entryId);
  await openBoardForWrite(db, org, before.programmeId);
  // Read again under the lock: the version and column are the ones this move replaces.
  const card = await findEntry(db, org, before.id);
  if (card.version !== input.version)
    throw conflict(
      `Someone else moved ${card.vendorName} while you were looking (it is now in ${stageLabel(card.stage)}). The board has been refreshed; move it again if you still want to.`,
    );
  const target = (await columnEntries(db, card.programmeId, input.stage)).filter((c) => c.id !== card.id);
  const at = Math.min(input.position, target.length);
  const oldPlace = (await columnEntries(db, card.programmeId, card.stage)).findIndex((c) => c.id === card.id);
  if (card.stage === input.stage && oldPlace === at) return { id: card.id, version: card.version };

  const updated = await db.shortlistEntry.updateMany({
    where: { id: card.id, version: input.version },
    data: { stage: input.stage, position: at, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict(`Someone else moved ${card.vendorName}. Reload the board and try again.`);
  const ordered = [...target.slice(0, at), { id: card.id, position: -1 }, ...target.slice(at)];
  await renumber(db, ordered);
  if (card.stage !== input.stage)
    await renumber(db, await columnEntries(db, card.programmeId, card.stage as ShortlistStage));
  await auditBoard(
    db,
    actor,
    card.programmeId,
    "shortlist.moved",
    { id: card.id, vendorName: card.vendorName },
    {
      stage: { old: card.stage, new: input.stage },
      position: { old: oldPlace + 1, new: at + 1 },
    },
  );
  return { id: card.id, version: card.version + 1 };
}

export async function removeFromShortlist(
  db: TenantDb,
  actor: Actor,
  org: ShortlistOrg,
  input: { entryId: string; version: number },
) {
  assertCan(org, "shortlist.write");
  const before = await findEntry(db, org, input.entryId);
  await openBoardForWrite(db, org, before.programmeId);
  const card = await findEntry(db, org, before.id);
  const removed = await db.shortlistEntry.deleteMany({ where: { id: card.id, version: input.version } });
  if (removed.count !== 1)
    throw conflict(
      `Someone else changed ${card.vendorName} on this board while you were looking. Check the board again before removing it.`,
    );
  await renumber(db, await columnEntries(db, card.programmeId, card.stage as ShortlistStage));
  await auditBoard(
    db,
    actor,
    card.programmeId,
    "shortlist.removed",
    { id: card.id, vendorName: card.vendorName },
    {
      stage: { old: card.stage, new: null },
    },
  );
  return { id: card.id };
}
