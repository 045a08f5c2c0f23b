import { assertCan } from "../auth/assert-can";
import { userNames } from "../db/globals";
import type { TenantDb } from "../db/tenant";
import { findProgramme } from "../programmes/programmes";
import { BOARD_ACTIONS, BOARD_ENTITY, type BoardAction } from "./board-audit";
import type { ShortlistOrg } from "./board";
import type { ShortlistStage } from "./schemas";

// The board's activity feed: its audit entries (board-audit.ts) read back, newest first, with
// keyset pagination on (at, id). Board readers see it, viewers included, although the audit log
// itself is for admins: these entries hold nothing but what the board already shows.

export type ActivityItem = {
  id: string;
  at: Date;
  action: BoardAction;
  actor: string;
  entryId: string | null;
  vendor: string;
  from: ShortlistStage | null;
  to: ShortlistStage | null;
  vote: number | null;
  excerpt: string | null;
};

type Change = { old?: unknown; new?: unknown } | undefined;
const pick = (c: Change) => (c?.new ?? c?.old ?? null) as unknown;
const text = (v: unknown) => (typeof v === "string" ? v : null);

export async function listShortlistActivity(
  db: TenantDb,
  org: ShortlistOrg,
  input: { programmeId: string; cursor?: string | null; limit: number },
) {
  assertCan(org, "shortlist.read");
  const programme = await findProgramme(db, org, input.programmeId);
  const where = { entityType: BOARD_ENTITY, entityId: programme.id, action: { in: [...BOARD_ACTIONS] } };
  // A cursor that is not one of this feed's entries starts from the top rather than failing.
  const cursorOk = input.cursor ? (await db.auditEvent.count({ where: { ...where, id: input.cursor } })) > 0 : false;
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(cursorOk ? { cursor: { id: input.cursor! }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const names = await userNames(db, [...new Set(page.flatMap((r) => (r.actorId ? [r.actorId] : [])))]);
  const items = page.map((r): ActivityItem => {
    const c = (r.changes ?? {}) as Record<string, Change>;
    return {
      id: r.id,
      at: r.at,
      action: r.action as BoardAction,
      actor: (r.actorId && names.get(r.actorId)) || r.actorEmail || "Someone",
      entryId: text(pick(c.entryId)),
      vendor: text(pick(c.vendor)) ?? "A vendor",
      from: (text(c.stage?.old) as ShortlistStage | null) ?? null,
      to: (text(c.stage?.new) as ShortlistStage | null) ?? null,
      vote: typeof c.vote?.new === "number" ? c.vote.new : null,
      excerpt: text(c.excerpt?.new),
    };
  });
  return { items, nextCursor: hasMore ? items.at(-1)!.id : null };
}
