import type { TenantDb } from "../db/tenant";
import type { VendorOrg } from "./context";
import type { ImportKindCode, InspectionRecord, LetterRecord, RowIssue } from "./import-csv";
import { InspectionIdentities, LetterIdentities, siteIdentity, SOURCE_LABEL } from "./import-identity";
import {
  buildMatchIndex,
  inspectionSourceKey,
  letterSourceKey,
  matchInspection,
  matchLetter,
  normalizeName,
  type MatchIndex,
} from "./import-match";

// The plan of an import: each row matched to a site the importer can see and to the record it
// already is, if any (import-identity.ts), so preview and commit agree row for row. Two modes:
// - a sponsor's import ("private"): rows already on the public record are reported as such and
//   written nowhere; rows the sponsor recorded before are updated or unchanged; the rest are
//   created as its private records;
// - the operator's load of public FDA data ("public"), run in the transaction of the CDMO that
//   owns the platform profiles: rows become (or confirm) public records on its own profile.

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
  fdaInspectionId: string | null;
  source: string;
};
export type LetterData = {
  vendorId: string;
  siteId: string | null;
  issuedAt: Date;
  subject: string;
  issuingOffice: string | null;
  status: "OPEN" | "CLOSED";
  closedAt: Date | null;
  source: string;
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

export type PlanMode = "private" | "public";

export type Plan = {
  kind: ImportKindCode;
  creates: Planned<InspectionData | LetterData>[];
  updates: Planned<InspectionData | LetterData>[];
  unchanged: number;
  /** Rows that are already public records (a sponsor's import writes nothing for them). */
  alreadyPublic: { line: number; vendorId: string }[];
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
  "fdaInspectionId",
  "source",
] as const;
const LETTER_FIELDS = [
  "vendorId",
  "siteId",
  "issuedAt",
  "subject",
  "issuingOffice",
  "status",
  "closedAt",
  "source",
] as const;

type Scope = {
  ix: MatchIndex;
  names: Map<string, string>;
  /** Visible site ids by FEI key, so records on another vendor's site with that FEI are found. */
  sitesByFei: Map<string, string[]>;
  siteFei: Map<string, string | null>;
  /** Visible vendor ids by normalised name, for the letters of a company however it is recorded. */
  vendorsByName: Map<string, string[]>;
  vendorNamesOf: Map<string, string[]>;
};

const feiKey = (f: string) => f.replace(/\D/g, "").replace(/^0+/, "");
const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => m.set(k, [...(m.get(k) ?? []), v]);

/**
 * The sites and vendors rows may go to: a sponsor matches against everything it can see (its
 * own records and the platform profiles); the public load against the CDMO's own platform
 * profile only.
 */
async function loadScope(db: TenantDb, org: VendorOrg, mode: PlanMode): Promise<Scope> {
  const vendors = await db.vendor.findMany({
    where: { archivedAt: null, ...(mode === "public" ? { organizationId: org.id, kind: "PLATFORM" as const } : {}) },
    select: { id: true, name: true, legalName: true, organizationId: true },
  });
  const byId = new Map(vendors.map((v) => [v.id, v]));
  // Removed sites too: a record there is still on record (matching skips them below).
  const allSites = (
    await db.vendorSite.findMany({
      select: { id: true, vendorId: true, city: true, feiNumber: true, organizationId: true, removedAt: true },
    })
  ).filter((s) => byId.has(s.vendorId));
  const sites = allSites.filter((s) => !s.removedAt);
  const siteIds = new Map<string, string[]>();
  for (const s of sites) push(siteIds, s.vendorId, s.id);
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
  const sitesByFei = new Map<string, string[]>();
  for (const s of allSites) if (s.feiNumber && feiKey(s.feiNumber)) push(sitesByFei, feiKey(s.feiNumber), s.id);
  const vendorsByName = new Map<string, string[]>();
  const vendorNamesOf = new Map<string, string[]>();
  for (const v of vendors) {
    const ns = [...new Set([v.name, v.legalName].filter((n): n is string => !!n).map(normalizeName))];
    vendorNamesOf.set(v.id, ns);
    for (const n of ns) push(vendorsByName, n, v.id);
  }
  return {
    ix,
    names: new Map(vendors.map((v) => [v.id, v.name])),
    sitesByFei,
    siteFei: new Map(allSites.map((s) => [s.id, s.feiNumber])),
    vendorsByName,
    vendorNamesOf,
  };
}

const chunks = <T>(a: T[], n = 5000) =>
  Array.from({ length: Math.ceil(a.length / n) }, (_, i) => a.slice(i * n, i * n + n));

/** The inspections already on record (visible to this organisation) at these sites on these days. */
async function knownInspections(db: TenantDb, scope: Scope, siteIds: Set<string>, days: Set<string>) {
  const out = [];
  for (const ids of chunks([...siteIds])) {
    const rows = await db.inspection.findMany({
      where: { siteId: { in: ids }, endDate: { in: [...days].map(day) }, agency: "FDA" },
    });
    for (const r of rows) {
      out.push({ ...r, who: siteIdentity({ siteId: r.siteId, feiNumber: scope.siteFei.get(r.siteId) ?? null }) });
    }
  }
  return out;
}

async function knownLetters(db: TenantDb, scope: Scope, vendorIds: Set<string>, days: Set<string>) {
  const out = [];
  for (const ids of chunks([...vendorIds])) {
    const rows = await db.warningLetter.findMany({
      where: { vendorId: { in: ids }, issuedAt: { in: [...days].map(day) } },
    });
    for (const r of rows) out.push({ ...r, names: scope.vendorNamesOf.get(r.vendorId) ?? [] });
  }
  return out;
}

export type PlanInput = {
  kind: ImportKindCode;
  rows: { line: number; stored: StoredRow }[];
  mode: PlanMode;
};

/** The plan of an import run staged in this organisation (the web import and the sponsor CLI). */
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
  return planRows(db, org, {
    kind: run.kind,
    mode: "private",
    rows: rows.map((r) => ({ line: r.line, stored: r.data as unknown as StoredRow })),
  });
}

type Matched = Planned<InspectionData | LetterData> & { identity: Record<string, unknown> };

/** Rows in, plan out. Rows must be in line order. */
export async function planRows(db: TenantDb, org: VendorOrg, input: PlanInput): Promise<Plan> {
  const { kind, mode } = input;
  const scope = await loadScope(db, org, mode);
  const plan: Plan = {
    kind,
    creates: [],
    updates: [],
    unchanged: 0,
    alreadyPublic: [],
    unmatched: [],
    errors: [],
    vendorNames: scope.names,
  };
  const source = SOURCE_LABEL[kind];
  const matched: Matched[] = [];
  const firstLine = new Map<string, number>();
  const duplicate = (sourceKey: string, line: number, what: string, u: Omit<Unmatched, "line" | "reason">) => {
    const dup = firstLine.get(sourceKey);
    if (dup === undefined) {
      firstLine.set(sourceKey, line);
      return false;
    }
    plan.unmatched.push({ line, ...u, reason: `The same ${what} as line ${dup}.` });
    return true;
  };
  for (const row of input.rows) {
    const stored = row.stored;
    if ("e" in stored) {
      plan.errors.push(...stored.e);
      continue;
    }
    if (kind === "INSPECTIONS") {
      const r = stored.r as InspectionRecord;
      const u = { feiNumber: r.feiNumber, legalName: r.legalName, city: r.city };
      const m = matchInspection(scope.ix, r);
      if (!m.site) {
        plan.unmatched.push({ line: row.line, ...u, reason: m.reason });
        continue;
      }
      const sourceKey = inspectionSourceKey(r);
      if (duplicate(sourceKey, row.line, "inspection", u)) continue;
      const fdaInspectionId = r.fdaInspectionId ?? null;
      matched.push({
        line: row.line,
        sourceKey,
        vendorId: m.site.vendorId,
        identity: { who: siteIdentity(m.site), endDate: r.endDate, projectArea: r.projectArea, fdaInspectionId },
        data: {
          vendorId: m.site.vendorId,
          siteId: m.site.siteId,
          endDate: day(r.endDate),
          classification: r.classification,
          citations: r.postedCitations,
          productType: r.productType,
          projectArea: r.projectArea,
          fiscalYear: r.fiscalYear,
          fdaInspectionId,
          source,
        },
      });
    } else {
      const r = stored.r as LetterRecord;
      const u = { feiNumber: null, legalName: r.companyName, city: null };
      const m = matchLetter(scope.ix, r);
      if (!m.vendor) {
        plan.unmatched.push({ line: row.line, ...u, reason: m.reason });
        continue;
      }
      const sourceKey = letterSourceKey(r);
      if (duplicate(sourceKey, row.line, "letter", u)) continue;
      matched.push({
        line: row.line,
        sourceKey,
        vendorId: m.vendor.vendorId,
        identity: { companyName: r.companyName, issueDate: r.issueDate, subject: r.subject },
        data: {
          vendorId: m.vendor.vendorId,
          siteId: m.siteId,
          issuedAt: day(r.issueDate),
          subject: r.subject,
          issuingOffice: r.issuingOffice,
          status: r.status,
          closedAt: r.closedAt ? day(r.closedAt) : null,
          source,
        },
      });
    }
  }
  const find = await identityFinder(db, org, scope, kind, matched);
  const fields: readonly string[] = kind === "INSPECTIONS" ? INSPECTION_FIELDS : LETTER_FIELDS;
  for (const m of matched) {
    const old = find(m);
    if (!old) plan.creates.push(m);
    else if (old.organizationId !== org.id) plan.alreadyPublic.push({ line: m.line, vendorId: m.vendorId });
    else if (fields.every((f) => same(old[f], (m.data as Record<string, unknown>)[f]))) plan.unchanged++;
    // A record entered by hand keeps its id and takes the import's key; one imported before keeps its key.
    else
      plan.updates.push({
        ...m,
        sourceKey: old.sourceKey ?? m.sourceKey,
        existingId: old.id,
        oldVendorId: old.vendorId,
      });
  }
  plan.errors.sort((a, b) => a.line - b.line);
  return plan;
}

type Known = { id: string; organizationId: string; sourceKey: string | null; vendorId: string } & Record<
  string,
  unknown
>;

/** Loads the records the matched rows could be, and returns the lookup (each record used once). */
async function identityFinder(
  db: TenantDb,
  org: VendorOrg,
  scope: Scope,
  kind: ImportKindCode,
  matched: Matched[],
): Promise<(m: Matched) => Known | null> {
  if (kind === "INSPECTIONS") {
    const siteIds = new Set<string>();
    const days = new Set<string>();
    for (const m of matched) {
      const d = m.data as InspectionData;
      const fei = scope.siteFei.get(d.siteId);
      for (const id of (fei && scope.sitesByFei.get(feiKey(fei))) || [d.siteId]) siteIds.add(id);
      days.add(m.identity.endDate as string);
    }
    const ids = new InspectionIdentities(await knownInspections(db, scope, siteIds, days), org.id);
    return (m) =>
      ids.find({
        ...(m.identity as Parameters<InspectionIdentities["find"]>[0]),
        sourceKey: m.sourceKey,
      }) as Known | null;
  }
  const vendorIds = new Set<string>();
  const days = new Set<string>();
  for (const m of matched) {
    vendorIds.add(m.vendorId);
    for (const id of scope.vendorsByName.get(normalizeName(m.identity.companyName as string)) ?? []) vendorIds.add(id);
    days.add(m.identity.issueDate as string);
  }
  const ids = new LetterIdentities(await knownLetters(db, scope, vendorIds, days), org.id);
  return (m) =>
    ids.find({ ...(m.identity as Parameters<LetterIdentities["find"]>[0]), sourceKey: m.sourceKey }) as Known | null;
}

export function vendorCounts(plan: Plan) {
  const out = new Map<string, { id: string; name: string; created: number; updated: number; alreadyPublic: number }>();
  const bump = (id: string, k: "created" | "updated" | "alreadyPublic") => {
    const v = out.get(id) ?? { id, name: plan.vendorNames.get(id) ?? id, created: 0, updated: 0, alreadyPublic: 0 };
    v[k]++;
    out.set(id, v);
  };
  for (const c of plan.creates) bump(c.vendorId, "created");
  for (const u of plan.updates) bump(u.vendorId, "updated");
  for (const a of plan.alreadyPublic) bump(a.vendorId, "alreadyPublic");
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
