import type { Prisma, Programme } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { diffFields, recordAudit, type Actor } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import type { OrgAccess } from "../auth/permissions";
import { AppError, conflict, notFound } from "../errors/app-error";
import { ZAssumptions } from "../decision/portfolio-schema";
import {
  DEFAULT_ASSUMPTIONS,
  PROGRAMME_FIELDS,
  type TAssumptions,
  type TProgrammeFields,
  type TUpdateProgrammeInput,
} from "./schemas";

// Creating and editing programmes. Every query is already scoped to the organisation (the
// tenant client adds it, RLS repeats it). Invariants kept here, on every write:
// - `assumptions` holds every key of decision-model.md section 3 (defaults filled in);
// - `costOfDelayPerWeek` equals `assumptions.costOfDelayPerWeek` (one figure, two places:
//   the column for lists and sorting, the JSON for the portfolio model);
// - an edit names the version it started from; a stale one is a CONFLICT, never a silent overwrite;
// - each change writes its audit entry, with old and new values, in the same transaction.

export type ProgrammeOrg = OrgAccess & { id: string };

type AuditedField = (typeof PROGRAMME_FIELDS)[number];

/** Stored assumptions as the model reads them: any key missing (older rows) gets its default. */
export function readAssumptions(json: unknown): TAssumptions {
  const base = json && typeof json === "object" && !Array.isArray(json) ? json : {};
  const parsed = ZAssumptions.safeParse(base);
  return parsed.success ? parsed.data : { ...DEFAULT_ASSUMPTIONS };
}

/** The row's values for the audit log: dates as calendar days, so old and new compare as text. */
function auditView(p: Pick<Programme, AuditedField>): Record<AuditedField, unknown> {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    ...Object.fromEntries(PROGRAMME_FIELDS.map((f) => [f, p[f]])),
    startDate: day(p.startDate),
    targetDate: day(p.targetDate),
  } as Record<AuditedField, unknown>;
}

/** The columns to write, with the cost of delay in both places. */
function columns(input: TProgrammeFields) {
  const costOfDelayPerWeek = input.costOfDelayPerWeek ?? input.assumptions.costOfDelayPerWeek;
  const assumptions: TAssumptions = { ...input.assumptions, costOfDelayPerWeek };
  return {
    name: input.name,
    molecule: input.molecule,
    modality: input.modality,
    phase: input.phase,
    stages: input.stages,
    description: input.description,
    startDate: input.startDate,
    targetDate: input.targetDate,
    budget: input.budget,
    currency: input.currency,
    costOfDelayPerWeek,
    assumptions: assumptions as unknown as Prisma.InputJsonValue,
  };
}

/** A programme of this organisation, or NOT_FOUND (another organisation's id looks the same as a wrong one). */
export async function findProgramme(db: TenantDb, org: ProgrammeOrg, programmeId: string) {
  const p = await db.programme.findFirst({ where: { id: programmeId, organizationId: org.id } });
  if (!p) throw notFound("The programme");
  return p;
}

export async function createProgramme(db: TenantDb, actor: Actor, org: ProgrammeOrg, input: TProgrammeFields) {
  assertCan(org, "programme.write");
  const p = await db.programme.create({ data: { ...columns(input), createdById: actor?.id ?? null } });
  await recordAudit(db, {
    actor,
    action: "programme.created",
    entityType: "Programme",
    entityId: p.id,
    changes: diffFields(null, auditView(p), [...PROGRAMME_FIELDS]),
  });
  return { id: p.id, version: p.version };
}

export async function updateProgramme(db: TenantDb, actor: Actor, org: ProgrammeOrg, input: TUpdateProgrammeInput) {
  assertCan(org, "programme.write");
  const before = await findProgramme(db, org, input.programmeId);
  if (before.archivedAt) throw new AppError("CONFLICT", "This programme is archived. Restore it before editing it.");
  const data = columns(input);
  // Compare-and-set on the version: of two saves that started from the same version, one wins.
  const updated = await db.programme.updateMany({
    where: { id: before.id, version: input.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count !== 1)
    throw conflict(
      "Someone else saved this programme while you were editing it. Your changes are kept in the form: load the latest version, merge, and save again.",
    );
  const after = await findProgramme(db, org, before.id);
  const changes = diffFields(auditView(before), auditView(after), [...PROGRAMME_FIELDS]);
  if (Object.keys(changes).length)
    await recordAudit(db, {
      actor,
      action: "programme.updated",
      entityType: "Programme",
      entityId: before.id,
      changes,
    });
  return { id: before.id, version: after.version };
}

async function setArchived(
  db: TenantDb,
  actor: Actor,
  org: ProgrammeOrg,
  input: { programmeId: string; version: number },
  archive: boolean,
) {
  assertCan(org, "programme.write");
  const before = await findProgramme(db, org, input.programmeId);
  if (!!before.archivedAt === archive)
    throw new AppError("CONFLICT", archive ? "This programme is already archived." : "This programme is not archived.");
  const archivedAt = archive ? new Date() : null;
  const updated = await db.programme.updateMany({
    where: { id: before.id, version: input.version },
    data: { archivedAt, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict("Someone else changed this programme. Reload it and try again.");
  await recordAudit(db, {
    actor,
    action: archive ? "programme.archived" : "programme.unarchived",
    entityType: "Programme",
    entityId: before.id,
    changes: { archivedAt: { old: before.archivedAt?.toISOString() ?? null, new: archivedAt?.toISOString() ?? null } },
  });
  return { id: before.id, version: input.version + 1 };
}

export const archiveProgramme = (
  db: TenantDb,
  actor: Actor,
  org: ProgrammeOrg,
  i: { programmeId: string; version: number },
) => setArchived(db, actor, org, i, true);
export const unarchiveProgramme = (
  db: TenantDb,
  actor: Actor,
  org: ProgrammeOrg,
  i: { programmeId: string; version: number },
) => setArchived(db, actor, org, i, false);
