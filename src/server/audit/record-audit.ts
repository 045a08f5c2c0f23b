import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import type { AuditAction } from "./actions";

export type Actor = { id: string; email: string } | null;
export type FieldChange = { old: unknown; new: unknown };
export type Changes = Record<string, FieldChange>;

export type AuditInput = {
  actor: Actor;
  /** A key of AUDIT_ACTION_LABELS (actions.ts): a new action needs its words there first. */
  action: AuditAction;
  entityType: string;
  entityId: string;
  changes?: Changes | null;
  reason?: string | null;
};

/**
 * Write one audit entry with the caller's transaction (`db` is the same TenantDb the change
 * used), so the change and its record commit or roll back together. Time is the database
 * server's clock (column default), never the client's.
 */
export async function recordAudit(db: TenantDb, input: AuditInput): Promise<void> {
  // organizationId is added by the tenant-scoped client, which knows the organisation.
  const data: Omit<Prisma.AuditEventUncheckedCreateInput, "organizationId"> = {
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    changes: (input.changes ?? undefined) as Prisma.InputJsonValue | undefined,
    reason: input.reason ?? null,
  };
  await db.auditEvent.create({ data });
}

/** The fields that differ between two versions of a record, as {field: {old, new}}. */
export function diffFields<T extends Record<string, unknown>>(
  before: T | null,
  after: T | null,
  fields: (keyof T)[],
): Changes {
  const out: Changes = {};
  for (const f of fields) {
    const o = before ? before[f] : null;
    const n = after ? after[f] : null;
    if (JSON.stringify(o) !== JSON.stringify(n)) out[String(f)] = { old: o ?? null, new: n ?? null };
  }
  return out;
}
