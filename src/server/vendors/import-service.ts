import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { recordAudit } from "../audit/record-audit";
import { AppError, notFound } from "../errors/app-error";
import { assertCan } from "../auth/assert-can";
import { isoDay, type Actor, type VendorOrg } from "./context";
import { auditQuality } from "./history";
import {
  formatIssue,
  missingColumnMessage,
  parseInspectionRow,
  parseLetterRow,
  type ImportKindCode,
  type RowIssue,
} from "./import-csv";
import { buildPlan, vendorCounts, type StoredRow } from "./import-plan";
import { writePlan } from "./import-write";
import { refreshQuality } from "./quality";
import { IMPORT_MAX_ROWS } from "./schemas";
import { lockForWrite } from "../db/sql/locks";

// CSV import of FDA inspection classifications and warning letters, in four steps:
// start (header checked) -> stage rows in chunks (each row validated) -> preview (matched
// against the sites the sponsor can see, compared with what earlier imports wrote) ->
// commit (all or nothing, in the caller's one transaction). Imported history is private to
// the importing sponsor: it changes that sponsor's quality view, nobody else's. Rows that are
// already public records (the operator's FDA load, fda-public.ts) are reported as such and
// not copied: the same inspection is never counted twice.

const LIST_CAP = 1000;

function assertSponsorWriter(org: VendorOrg) {
  assertCan(org, "vendor.import");
}

/**
 * The import, while still staging. Writers (stage, commit, discard) first take the import's
 * lock, so a double-clicked commit or a commit racing a discard sees the other's outcome
 * (PRECONDITION_FAILED) instead of writing the rows twice.
 */
async function stagingRun(db: TenantDb, importId: string, write?: { orgId: string }) {
  if (write) await lockForWrite(db, { kind: "import", orgId: write.orgId, importId });
  const run = await db.importRun.findFirst({ where: { id: importId } });
  if (!run) throw notFound("The import");
  if (run.status !== "STAGING") {
    throw new AppError(
      "PRECONDITION_FAILED",
      `This import was already ${run.status === "COMMITTED" ? "committed" : "discarded"}. Start a new one.`,
    );
  }
  return run;
}

export async function startImport(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: { kind: ImportKindCode; fileName: string; totalRows: number; header: string[] },
) {
  assertSponsorWriter(org);
  const missing = missingColumnMessage(input.kind, input.header);
  if (missing) throw new AppError("BAD_REQUEST", missing, { field: "header" });
  const run = await db.importRun.create({
    data: { kind: input.kind, fileName: input.fileName, totalRows: input.totalRows, createdById: actor?.id ?? "cli" },
  });
  return { importId: run.id };
}

export async function stageRows(
  db: TenantDb,
  org: VendorOrg,
  input: { importId: string; rows: { line: number; data: Record<string, string> }[] },
) {
  assertSponsorWriter(org);
  const run = await stagingRun(db, input.importId, { orgId: org.id });
  const lines = input.rows.map((r) => r.line);
  if (new Set(lines).size !== lines.length)
    throw new AppError("BAD_REQUEST", "Each line can be sent once per call.", { field: "rows" });
  const already = await db.importRow.count({ where: { importId: run.id } });
  if (already + input.rows.length > IMPORT_MAX_ROWS) {
    throw new AppError("BAD_REQUEST", `An import can have at most ${IMPORT_MAX_ROWS.toLocaleString("en")} rows.`, {
      field: "rows",
    });
  }
  const today = isoDay(new Date());
  const errors: RowIssue[] = [];
  const data = input.rows.map(({ line, data: cells }) => {
    const parsed =
      run.kind === "INSPECTIONS" ? parseInspectionRow(line, cells, today) : parseLetterRow(line, cells, today);
    const stored: StoredRow = parsed.ok ? { r: parsed.record } : { e: parsed.errors };
    if (!parsed.ok) errors.push(...parsed.errors);
    return { importId: run.id, line, data: stored as unknown as Prisma.InputJsonValue };
  });
  // Re-sending a chunk (a retry) replaces its lines.
  if (lines.length) await db.importRow.deleteMany({ where: { importId: run.id, line: { in: lines } } });
  if (data.length) await db.importRow.createMany({ data });
  return { staged: data.length, errors };
}

export async function previewImport(db: TenantDb, org: VendorOrg, input: { importId: string }) {
  assertSponsorWriter(org);
  const run = await stagingRun(db, input.importId);
  const plan = await buildPlan(db, org, run);
  return {
    create: plan.creates.length,
    update: plan.updates.length,
    unchanged: plan.unchanged,
    alreadyPublic: plan.alreadyPublic.length,
    unmatched: plan.unmatched.slice(0, LIST_CAP),
    unmatchedTotal: plan.unmatched.length,
    errors: plan.errors.slice(0, LIST_CAP),
    errorTotal: plan.errors.length,
    vendors: vendorCounts(plan),
  };
}

/**
 * Writes the whole import or nothing: any row with an error refuses the commit, naming the
 * first one. Runs in the caller's transaction, together with the quality recomputation and
 * the audit entries.
 */
export async function commitImport(db: TenantDb, actor: Actor, org: VendorOrg, input: { importId: string }) {
  assertSponsorWriter(org);
  const run = await stagingRun(db, input.importId, { orgId: org.id });
  const plan = await buildPlan(db, org, run);
  if (plan.errors.length) {
    const first = plan.errors[0]!;
    throw new AppError("BAD_REQUEST", `${formatIssue(first)} Fix the file and import it again; nothing was imported.`, {
      field: "file",
    });
  }
  const touched = await writePlan(db, plan, {
    isPublic: false,
    sourceDate: new Date(`${isoDay(new Date())}T00:00:00Z`),
  });
  const quality = await refreshQuality(db, org, touched);
  const summary = {
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    alreadyPublic: plan.alreadyPublic.length,
    unmatched: plan.unmatched.length,
  };
  await recordAudit(db, {
    actor,
    action: "import.committed",
    entityType: "ImportRun",
    entityId: run.id,
    reason: actor ? null : "Imported with the cdmo command-line tool",
    changes: {
      kind: { old: null, new: run.kind },
      fileName: { old: null, new: run.fileName },
      ...Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, { old: null, new: v }])),
      vendors: { old: null, new: vendorCounts(plan).map((v) => v.id) },
    },
  });
  await auditQuality(db, actor, quality, `Import of ${run.fileName}`);
  await db.importRow.deleteMany({ where: { importId: run.id } });
  await db.importRun.update({ where: { id: run.id }, data: { status: "COMMITTED", committedAt: new Date(), summary } });
  return summary;
}

export async function discardImport(db: TenantDb, actor: Actor, org: VendorOrg, input: { importId: string }) {
  assertSponsorWriter(org);
  const run = await stagingRun(db, input.importId, { orgId: org.id });
  await db.importRow.deleteMany({ where: { importId: run.id } });
  await db.importRun.update({ where: { id: run.id }, data: { status: "DISCARDED" } });
  await recordAudit(db, {
    actor,
    action: "import.discarded",
    entityType: "ImportRun",
    entityId: run.id,
    changes: { fileName: { old: run.fileName, new: null } },
  });
  return { ok: true as const };
}
