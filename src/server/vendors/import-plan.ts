import type { TenantDb } from "../db/tenant";
import type { VendorOrg } from "./context";
import type { ImportKindCode, InspectionRecord, LetterRecord, RowIssue } from "./import-csv";
import {
  buildMatchIndex,
  inspectionSourceKey,
  letterSourceKey,
  matchInspection,
  matchLetter,
  type MatchIndex,
} from "./import-match";

// The plan of an import: each staged row matched to a site the sponsor can see and compared
// with what earlier imports wrote (by source key), so preview and commit agree row for row.

export type StoredRow = { r: InspectionRecord | LetterRecord } | { e: RowIssue[] };

export type InspectionData = {
  vendorId: string;
  siteId: string;
  endDate: Date;
  classification: "NAI" | "VAI" | "OAI";
  citations: string | null;
  productType: string | null;
  projectArea: string | null;
  fiscalYear: number | null;
};
export type LetterData = {
  vendorId: string;
  siteId: string | null;
  issuedAt: Date;
  subject: string;
  issuingOffice: string | null;
  status: "OPEN" | "CLOSED";
  closedAt: Date | null;
};
export type Planned<D> = {
  line: number;
  sourceKey: string;
  vendorId: string;
  data: D;
  existingId?: string;
  oldVendorId?: string;
};
export type Unmatched = {
  line: number;
  feiNumber: string | null;
  legalName: string;
  city: string | null;
  reason: string;
};

export type Plan = {
  kind: ImportKindCode;
  creates: Planned<InspectionData | LetterData>[];
  updates: Planned<InspectionData | LetterData>[];
  unchanged: number;
  unmatched: Unmatched[];
  errors: RowIssue[];
  vendorNames: Map<string, string>;
};

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
const INSPECTION_FIELDS = [
  "vendorId",
  "siteId",
  "endDate",
  "classification",
  "citations",
  "productType",
  "projectArea",
  "fiscalYear",
] as const;
const LETTER_FIELDS = ["vendorId", "siteId", "issuedAt", "subject", "issuingOffice", "status", "closedAt"] as const;

/** The sites and vendors this sponsor can see (its own records and the platform profiles). */
async function loadMatchIndex(db: TenantDb, org: VendorOrg): Promise<{ ix: MatchIndex; names: Map<string, string> }> {
  const vendors = await db.vendor.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, legalName: true, organizationId: true },
  });
  const byId = new Map(vendors.map((v) => [v.id, v]));
  const sites = (
    await db.vendorSite.findMany({
      where: { removedAt: null },
      select: { id: true, vendorId: true, city: true, feiNumber: true, organizationId: true },
    })
  ).filter((s) => byId.has(s.vendorId));
  const siteIds = new Map<string, string[]>();
  for (const s of sites) siteIds.set(s.vendorId, [...(siteIds.get(s.vendorId) ?? []), s.id]);
  const ix = buildMatchIndex(
    sites.map((s) => {
      const v = byId.get(s.vendorId)!;
      return {
        siteId: s.id,
        vendorId: v.id,
        vendorName: v.name,
        vendorLegalName: v.legalName,
        city: s.city,
        feiNumber: s.feiNumber,
        own: s.organizationId === org.id,
      };
    }),
    vendors.map((v) => ({
      vendorId: v.id,
      vendorName: v.name,
      legalName: v.legalName,
      own: v.organizationId === org.id,
      siteIds: siteIds.get(v.id) ?? [],
    })),
  );
  return { ix, names: new Map(vendors.map((v) => [v.id, v.name])) };
}

async function existingByKey(db: TenantDb, kind: ImportKindCode, keys: string[]) {
  const out = new Map<string, Record<string, unknown> & { id: string }>();
  for (let i = 0; i < keys.length; i += 5000) {
    const where = { sourceKey: { in: keys.slice(i, i + 5000) } };
    const rows =
      kind === "INSPECTIONS" ? await db.inspection.findMany({ where }) : await db.warningLetter.findMany({ where });
    for (const r of rows)
      if (r.sourceKey) out.set(r.sourceKey, r as unknown as Record<string, unknown> & { id: string });
  }
  return out;
}

export async function buildPlan(
  db: TenantDb,
  org: VendorOrg,
  run: { id: string; kind: ImportKindCode },
): Promise<Plan> {
  const rows = await db.importRow.findMany({
    where: { importId: run.id },
    orderBy: { line: "asc" },
    select: { line: true, data: true },
  });
  const { ix, names } = await loadMatchIndex(db, org);
  const plan: Plan = {
    kind: run.kind,
    creates: [],
    updates: [],
    unchanged: 0,
    unmatched: [],
    errors: [],
    vendorNames: names,
  };
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
        plan.unmatched.push({
          line: row.line,
          feiNumber: r.feiNumber,
          legalName: r.legalName,
          city: r.city,
          reason: m.reason,
        });
        continue;
      }
      const sourceKey = inspectionSourceKey(r);
      const dup = firstLine.get(sourceKey);
      if (dup !== undefined) {
        plan.unmatched.push({
          line: row.line,
          feiNumber: r.feiNumber,
          legalName: r.legalName,
          city: r.city,
          reason: `The same inspection as line ${dup}.`,
        });
        continue;
      }
      firstLine.set(sourceKey, row.line);
      matched.push({
        line: row.line,
        sourceKey,
        vendorId: m.site.vendorId,
        data: {
          vendorId: m.site.vendorId,
          siteId: m.site.siteId,
          endDate: day(r.endDate),
          classification: r.classification,
          citations: r.postedCitations,
          productType: r.productType,
          projectArea: r.projectArea,
          fiscalYear: r.fiscalYear,
        },
      });
    } else {
      const r = stored.r as LetterRecord;
      const m = matchLetter(ix, r);
      if (!m.vendor) {
        plan.unmatched.push({
          line: row.line,
          feiNumber: null,
          legalName: r.companyName,
          city: null,
          reason: m.reason,
        });
        continue;
      }
      const sourceKey = letterSourceKey(r);
      const dup = firstLine.get(sourceKey);
      if (dup !== undefined) {
        plan.unmatched.push({
          line: row.line,
          feiNumber: null,
          legalName: r.companyName,
          city: null,
          reason: `The same letter as line ${dup}.`,
        });
        continue;
      }
      firstLine.set(sourceKey, row.line);
      matched.push({
        line: row.line,
        sourceKey,
        vendorId: m.vendor.vendorId,
        data: {
          vendorId: m.vendor.vendorId,
          siteId: m.siteId,
          issuedAt: day(r.issueDate),
          subject: r.subject,
          issuingOffice: r.issuingOffice,
          status: r.status,
          closedAt: r.closedAt ? day(r.closedAt) : null,
        },
      });
    }
  }
  const existing = await existingByKey(
    db,
    run.kind,
    matched.map((m) => m.sourceKey),
  );
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

export function vendorCounts(plan: Plan) {
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
