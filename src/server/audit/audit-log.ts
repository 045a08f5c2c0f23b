import { CSV_FORMULA } from "@/lib/csv-formula";
import Papa from "papaparse";
import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { actionsMatching, entityTypeLabel } from "./actions";
import type { RefOrg } from "./audit-refs";
import { describeAuditRows, type AuditItem } from "./audit-view";
import type { TAuditFilter } from "./schemas";

function where(f: TAuditFilter): Prisma.AuditEventWhereInput {
  // The action filter matches the stored key or the words the page shows for it.
  const actionWhere: Prisma.AuditEventWhereInput | null = f.action
    ? {
        OR: [{ action: { contains: f.action, mode: "insensitive" } }, { action: { in: actionsMatching(f.action) } }],
      }
    : null;
  return {
    ...(actionWhere ?? {}),
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

/** One page as the audit page shows it: names, links, words and only what changed (audit-view.ts). */
export async function listAuditPage(
  db: TenantDb,
  org: RefOrg,
  f: TAuditFilter & { cursor?: string | null; limit: number },
): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const page = await listAuditEvents(db, f);
  return { items: await describeAuditRows(db, org, page.items), nextCursor: page.nextCursor };
}

/** The record types in this organisation's log, with their words, for the filter. */
export async function auditEntityTypes(db: TenantDb): Promise<{ value: string; label: string }[]> {
  const rows = await db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } });
  return rows
    .map((r) => ({ value: r.entityType, label: entityTypeLabel(r.entityType) }))
    .sort((a, b) => a.label.localeCompare(b.label));
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
