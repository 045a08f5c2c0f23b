import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { recordAudit } from "../audit/record-audit";
import { AppError, notFound } from "../errors/app-error";
import { assertCanWriteVendors, isoDay, type Actor, type VendorOrg } from "./context";
import { auditQuality } from "./history";
import {
  formatIssue, missingColumn, parseInspectionRow, parseLetterRow,
  type ImportKindCode, type InspectionRecord, type LetterRecord, type RowIssue,
} from "./import-csv";
import { buildMatchIndex, inspectionSourceKey, letterSourceKey, matchInspection, matchLetter, type MatchIndex } from "./import-match";
import { refreshQuality } from "./quality";
import { IMPORT_MAX_ROWS } from "./schemas";

// CSV import of FDA inspection classifications and warning letters, in four steps:
// start (header checked) -> stage rows in chunks (each row validated) -> preview (matched
// against the sites the sponsor can see, compared with what earlier imports wrote) ->
// commit (all or nothing, in the caller's one transaction). Imported history is private to
// the importing sponsor: it changes that sponsor's quality view, nobody else's.

type StoredRow = { r: InspectionRecord | LetterRecord } | { e: RowIssue[] };
const LIST_CAP = 1000;

function assertSponsorWriter(org: VendorOrg) {
  if (org.kind !== "SPONSOR") throw new AppError("FORBIDDEN", "Imports are available to sponsor organisations.");
  assertCanWriteVendors(org);
}

async function stagingRun(db: TenantDb, importId: string) {
  const run = await db.importRun.findFirst({ where: { id: importId } });
  if (!run) throw notFound("The import");
  if (run.status !== "STAGING") {
    throw new AppError("PRECONDITION_FAILED", `This import was already ${run.status === "COMMITTED" ? "committed" : "discarded"}. Start a new one.`);
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
  const missing = missingColumn(input.kind, input.header);
  if (missing) {
    throw new AppError("BAD_REQUEST", `The file has no "${missing}" column. Export the file again from the FDA site, or rename the column.`, { field: "header" });
  }
  const run = await db.importRun.create({
    data: { organizationId: org.id, kind: input.kind, fileName: input.fileName, totalRows: input.totalRows, createdById: actor?.id ?? "cli" },
  });
  return { importId: run.id };
}

export async function stageRows(db: TenantDb, org: VendorOrg, input: { importId: string; rows: { line: number; data: Record<string, string> }[] }) {
  assertSponsorWriter(org);
  const run = await stagingRun(db, input.importId);
  const lines = input.rows.map((r) => r.line);
  if (new Set(lines).size !== lines.length) throw new AppError("BAD_REQUEST", "Each line can be sent once per call.");
  const already = await db.importRow.count({ where: { importId: run.id } });
  if (already + input.rows.length > IMPORT_MAX_ROWS) {
    throw new AppError("BAD_REQUEST", `An import can have at most ${IMPORT_MAX_ROWS.toLocaleString("en")} rows.`);
  }
  const today = isoDay(new Date());
  const errors: RowIssue[] = [];
  const data = input.rows.map(({ line, data: cells }) => {
    const parsed = run.kind === "INSPECTIONS" ? parseInspectionRow(line, cells, today) : parseLetterRow(line, cells, today);
    const stored: StoredRow = parsed.ok ? { r: parsed.record } : { e: parsed.errors };
    if (!parsed.ok) errors.push(...parsed.errors);
    return { organizationId: org.id, importId: run.id, line, data: stored as unknown as Prisma.InputJsonValue };
  });
  // Re-sending a chunk (a retry) replaces its lines.
  if (lines.length) await db.importRow.deleteMany({ where: { importId: run.id, line: { in: lines } } });
  if (data.length) await db.importRow.createMany({ data });
  return { staged: data.length, errors };
}

// ---------- planning ----------

type InspectionData = {
  vendorId: string; siteId: string; endDate: Date; classification: "NAI" | "VAI" | "OAI"; citations: string | null;
  productType: string | null; projectArea: string | null; fiscalYear: number | null;
};
type LetterData = {
  vendorId: string; siteId: string | null; issuedAt: Date; subject: string; issuingOffice: string | null;
  status: "OPEN" | "CLOSED"; closedAt: Date | null;
};
type Planned<D> = { line: number; sourceKey: string; vendorId: string; data: D; existingId?: string; oldVendorId?: string };
type Unmatched = { line: number; feiNumber: string | null; legalName: string; city: string | null; reason: string };

type Plan = {
  kind: ImportKindCode;
  creates: Planned<InspectionData | LetterData>[];
  updates: Planned<InspectionData | LetterData>[];
  unchanged: number;
  unmatched: Unmatched[];
  errors: RowIssue[];
  vendorNames: Map<string, string>;
};

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
const INSPECTION_FIELDS = ["vendorId", "siteId", "endDate", "classification", "citations", "productType", "projectArea", "fiscalYear"] as const;
const LETTER_FIELDS = ["vendorId", "siteId", "issuedAt", "subject", "issuingOffice", "status", "closedAt"] as const;

/** The sites and vendors this sponsor can see (its own records and the platform profiles). */
async function loadMatchIndex(db: TenantDb, org: VendorOrg): Promise<{ ix: MatchIndex; names: Map<string, string> }> {
  const vendors = await db.vendor.findMany({ where: { archivedAt: null }, select: { id: true, name: true, legalName: true, organizationId: true } });
  const byId = new Map(vendors.map((v) => [v.id, v]));
  const sites = (await db.vendorSite.findMany({ select: { id: true, vendorId: true, city: true, feiNumber: true, organizationId: true } })).filter((s) =>
    byId.has(s.vendorId),
  );
  const siteIds = new Map<string, string[]>();
  for (const s of sites) siteIds.set(s.vendorId, [...(siteIds.get(s.vendorId) ?? []), s.id]);
  const ix = buildMatchIndex(
    sites.map((s) => {
      const v = byId.get(s.vendorId)!;
      return { siteId: s.id, vendorId: v.id, vendorName: v.name, vendorLegalName: v.legalName, city: s.city, feiNumber: s.feiNumber, own: s.organizationId === org.id };
    }),
    vendors.map((v) => ({ vendorId: v.id, vendorName: v.name, legalName: v.legalName, own: v.organizationId === org.id, siteIds: siteIds.get(v.id) ?? [] })),
  );
  return { ix, names: new Map(vendors.map((v) => [v.id, v.name])) };
}

async function existingByKey(db: TenantDb, kind: ImportKindCode, keys: string[]) {
  const out = new Map<string, Record<string, unknown> & { id: string }>();
  for (let i = 0; i < keys.length; i += 5000) {
    const where = { sourceKey: { in: keys.slice(i, i + 5000) } };
    const rows = kind === "INSPECTIONS" ? await db.inspection.findMany({ where }) : await db.warningLetter.findMany({ where });
    for (const r of rows) if (r.sourceKey) out.set(r.sourceKey, r as unknown as Record<string, unknown> & { id: string });
  }
  return out;
}

async function buildPlan(db: TenantDb, org: VendorOrg, run: { id: string; kind: ImportKindCode }): Promise<Plan> {
  const rows = await db.importRow.findMany({ where: { importId: run.id }, orderBy: { line: "asc" }, select: { line: true, data: true } });
  const { ix, names } = await loadMatchIndex(db, org);
  const plan: Plan = { kind: run.kind, creates: [], updates: [], unchanged: 0, unmatched: [], errors: [], vendorNames: names };
  const matched: Planned<InspectionData | LetterData>[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const stored = row.data as unknown as StoredRow;
    if ("e" in stored) {
      plan.errors.push(...stored.e);
      continue;
    }
    if (run.kind === "INSPECTIONS") {
      const r = stored.r as InspectionRecord;
      const m = matchInspection(ix, r);
      if (!m.site) {
        plan.unmatched.push({ line: row.line, feiNumber: r.feiNumber, legalName: r.legalName, city: r.city, reason: m.reason });
        continue;
      }
      const sourceKey = inspectionSourceKey(r);
      const dup = firstLine.get(sourceKey);
      if (dup !== undefined) {
        plan.unmatched.push({ line: row.line, feiNumber: r.feiNumber, legalName: r.legalName, city: r.city, reason: `The same inspection as line ${dup}.` });
        continue;
      }
      firstLine.set(sourceKey, row.line);
      matched.push({
        line: row.line, sourceKey, vendorId: m.site.vendorId,
        data: {
          vendorId: m.site.vendorId, siteId: m.site.siteId, endDate: day(r.endDate), classification: r.classification,
          citations: r.postedCitations, productType: r.productType, projectArea: r.projectArea, fiscalYear: r.fiscalYear,
        },
      });
    } else {
      const r = stored.r as LetterRecord;
      const m = matchLetter(ix, r);
      if (!m.vendor) {
        plan.unmatched.push({ line: row.line, feiNumber: null, legalName: r.companyName, city: null, reason: m.reason });
        continue;
      }
      const sourceKey = letterSourceKey(r);
      const dup = firstLine.get(sourceKey);
      if (dup !== undefined) {
        plan.unmatched.push({ line: row.line, feiNumber: null, legalName: r.companyName, city: null, reason: `The same letter as line ${dup}.` });
        continue;
      }
      firstLine.set(sourceKey, row.line);
      matched.push({
        line: row.line, sourceKey, vendorId: m.vendor.vendorId,
        data: {
          vendorId: m.vendor.vendorId, siteId: m.siteId, issuedAt: day(r.issueDate), subject: r.subject, issuingOffice: r.issuingOffice,
          status: r.status, closedAt: r.closedAt ? day(r.closedAt) : null,
        },
      });
    }
  }
  const existing = await existingByKey(db, run.kind, matched.map((m) => m.sourceKey));
  const fields: readonly string[] = run.kind === "INSPECTIONS" ? INSPECTION_FIELDS : LETTER_FIELDS;
  for (const m of matched) {
    const old = existing.get(m.sourceKey);
    if (!old) plan.creates.push(m);
    else if (fields.every((f) => same(old[f], (m.data as Record<string, unknown>)[f]))) plan.unchanged++;
    else plan.updates.push({ ...m, existingId: old.id, oldVendorId: String(old.vendorId) });
  }
  plan.errors.sort((a, b) => a.line - b.line);
  return plan;
}

function vendorCounts(plan: Plan) {
  const out = new Map<string, { id: string; name: string; created: number; updated: number }>();
  const bump = (id: string, k: "created" | "updated") => {
    const v = out.get(id) ?? { id, name: plan.vendorNames.get(id) ?? id, created: 0, updated: 0 };
    v[k]++;
    out.set(id, v);
  };
  for (const c of plan.creates) bump(c.vendorId, "created");
  for (const u of plan.updates) bump(u.vendorId, "updated");
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function previewImport(db: TenantDb, org: VendorOrg, input: { importId: string }) {
  assertSponsorWriter(org);
  const run = await stagingRun(db, input.importId);
  const plan = await buildPlan(db, org, run);
  return {
    create: plan.creates.length,
    update: plan.updates.length,
    unchanged: plan.unchanged,
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
  const run = await stagingRun(db, input.importId);
  const plan = await buildPlan(db, org, run);
  if (plan.errors.length) {
    const first = plan.errors[0]!;
    throw new AppError("BAD_REQUEST", `${formatIssue(first)} Fix the file and import it again; nothing was imported.`);
  }
  const base = { organizationId: org.id, isPublic: false };
  for (let i = 0; i < plan.creates.length; i += 1000) {
    const chunk = plan.creates.slice(i, i + 1000);
    if (run.kind === "INSPECTIONS") {
      await db.inspection.createMany({ data: chunk.map((c) => ({ ...base, agency: "FDA", sourceKey: c.sourceKey, ...(c.data as InspectionData) })) });
    } else {
      await db.warningLetter.createMany({ data: chunk.map((c) => ({ ...base, sourceKey: c.sourceKey, ...(c.data as LetterData) })) });
    }
  }
  // An update that moves a row to another vendor changes both vendors' quality.
  const touched = new Set<string>([...plan.creates, ...plan.updates].map((c) => c.vendorId));
  for (const u of plan.updates) {
    if (run.kind === "INSPECTIONS") await db.inspection.update({ where: { id: u.existingId! }, data: u.data as InspectionData });
    else await db.warningLetter.update({ where: { id: u.existingId! }, data: u.data as LetterData });
    if (u.oldVendorId) touched.add(u.oldVendorId);
  }
  const quality = await refreshQuality(db, org, [...touched]);
  const summary = {
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
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
  const run = await stagingRun(db, input.importId);
  await db.importRow.deleteMany({ where: { importId: run.id } });
  await db.importRun.update({ where: { id: run.id }, data: { status: "DISCARDED" } });
  await recordAudit(db, {
    actor, action: "import.discarded", entityType: "ImportRun", entityId: run.id,
    changes: { fileName: { old: run.fileName, new: null } },
  });
  return { ok: true as const };
}
