import { CSV_FORMULA } from "@/lib/csv-formula";
import Papa from "papaparse";
import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import type { TAuditFilter } from "./schemas";

function where(f: TAuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(f.action ? { action: { contains: f.action, mode: "insensitive" } } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actor ? { actorEmail: { contains: f.actor, mode: "insensitive" } } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  };
}

/** Newest first, keyset-paginated on (at, id). */
export async function listAuditEvents(db: TenantDb, f: TAuditFilter & { cursor?: string | null; limit: number }) {
  const rows = await db.auditEvent.findMany({
    where: where(f),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > f.limit;
  const items = hasMore ? rows.slice(0, f.limit) : rows;
  return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
}

export async function auditEntityTypes(db: TenantDb): Promise<string[]> {
  const rows = await db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } });
  return rows.map((r) => r.entityType);
}

const EXPORT_LIMIT = 50_000;

/** CSV of the filtered trail (one row per event, changes as JSON), newest first. */
export async function exportAuditCsv(
  db: TenantDb,
  f: TAuditFilter,
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows = await db.auditEvent.findMany({
    where: where(f),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: EXPORT_LIMIT + 1,
  });
  const truncated = rows.length > EXPORT_LIMIT;
  const data = rows.slice(0, EXPORT_LIMIT).map((r) => ({
    at: r.at.toISOString(),
    actor: r.actorEmail ?? "",
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    changes: r.changes ? JSON.stringify(r.changes) : "",
    reason: r.reason ?? "",
  }));
  // Leading = + - @ (even before a line break) are escaped so a spreadsheet does not run them.
  const csv = Papa.unparse(data, {
    columns: ["at", "actor", "action", "entityType", "entityId", "changes", "reason"],
    escapeFormulae: CSV_FORMULA,
  });
  return { csv, rows: data.length, truncated };
}
