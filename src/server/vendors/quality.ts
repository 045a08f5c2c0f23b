import { computeQualityScore, type QualityPenalty } from "../decision";
import type { TenantDb } from "../db/tenant";
import { qualityViewsJob } from "../jobs/quality-views";
import { queueJob } from "../jobs/queue";
import { isoDay, type VendorOrg } from "./context";

// Quality summaries. The formula lives in the decision core (computeQualityScore); this
// module only loads the history a viewer may see and keeps two caches in step with it:
// - Vendor.qualityScore / hasOpenWarningLetter / lastInspectionAt: what the OWNER sees
//   (for a platform profile that is exactly its public history);
// - VendorQualityView: what one sponsor sees of someone else's vendor (public rows plus its
//   own), kept only while that sponsor holds history of its own on the vendor.
// Every history change calls refreshQuality in the same transaction.

// isPublic and sourceKey are optional so callers that only score (tests, the bench) need not give them.
type Owned = { organizationId: string; isPublic?: boolean };
export type HistoryRows = {
  inspections: (Owned & {
    sourceKey?: string | null;
    endDate: Date;
    classification: "NAI" | "VAI" | "OAI";
    observations483: number | null;
  })[];
  warningLetters: (Owned & { sourceKey?: string | null; issuedAt: Date; status: "OPEN" | "CLOSED" })[];
  recalls: (Owned & { date: Date; classification: string | null })[];
};

/**
 * The rows that count: a private record of something that is also a public record (the same
 * source key; a sponsor imported it before the operator loaded the FDA data) is that public
 * record, counted once.
 */
export function countedHistory<H extends HistoryRows>(h: H): H {
  const dropCopies = <T extends Owned & { sourceKey?: string | null }>(rows: T[]) => {
    const publicKeys = new Set(rows.filter((r) => r.isPublic && r.sourceKey).map((r) => r.sourceKey));
    return rows.filter((r) => r.isPublic || !r.sourceKey || !publicKeys.has(r.sourceKey));
  };
  return { ...h, inspections: dropCopies(h.inspections), warningLetters: dropCopies(h.warningLetters) };
}

/** How many of the viewer's own private records a (counted) history holds. */
export function privateRecordCount(h: HistoryRows, orgId: string): number {
  const own = (r: Owned) => !r.isPublic && r.organizationId === orgId;
  return h.inspections.filter(own).length + h.warningLetters.filter(own).length + h.recalls.filter(own).length;
}

/** Only the public records: the FDA-based score every organisation sees alike. */
export function publicHistory(h: HistoryRows): HistoryRows {
  return {
    inspections: h.inspections.filter((r) => r.isPublic),
    warningLetters: h.warningLetters.filter((r) => r.isPublic),
    recalls: h.recalls.filter((r) => r.isPublic),
  };
}

export type QualitySummary = {
  qualityScore: number | null;
  hasOpenWarningLetter: boolean;
  lastInspectionAt: Date | null;
};
export type QualityBreakdown = { score: number | null; penalties: QualityPenalty[]; formula: string; asOf: string };

export const todayIso = (): string => isoDay(new Date());

const recallClass = (c: string | null): "I" | "II" | "III" | undefined =>
  c === "I" || c === "II" || c === "III" ? c : undefined;

/** Score and penalties of a set of history rows, by the decision core's formula. */
export function breakdown(h: HistoryRows, asOf = todayIso()): QualityBreakdown {
  const r = computeQualityScore({
    asOf,
    inspections: h.inspections.map((i) => ({
      endDate: isoDay(i.endDate),
      classification: i.classification,
      ...(i.observations483 != null ? { observations483: i.observations483 } : {}),
    })),
    warningLetters: h.warningLetters.map((w) => ({ date: isoDay(w.issuedAt), status: w.status })),
    recalls: h.recalls.map((x) => {
      const c = recallClass(x.classification);
      return c ? { date: isoDay(x.date), classification: c } : { date: isoDay(x.date) };
    }),
  });
  return { score: r.score, penalties: r.penalties, formula: r.formula, asOf };
}

export function summarize(h: HistoryRows, asOf = todayIso()): QualitySummary {
  let last: Date | null = null;
  for (const i of h.inspections) if (!last || i.endDate > last) last = i.endDate;
  return {
    qualityScore: breakdown(h, asOf).score,
    hasOpenWarningLetter: h.warningLetters.some((w) => w.status === "OPEN"),
    lastInspectionAt: last,
  };
}

const empty = (): HistoryRows => ({ inspections: [], warningLetters: [], recalls: [] });

/**
 * The history of these vendors that the current organisation can see (own rows and public
 * ones), with private copies of public records left out (countedHistory).
 */
export async function loadVisibleHistory(db: TenantDb, vendorIds: string[]): Promise<Map<string, HistoryRows>> {
  const out = new Map<string, HistoryRows>(vendorIds.map((id) => [id, empty()]));
  if (vendorIds.length === 0) return out;
  const where = { vendorId: { in: vendorIds } };
  const [inspections, warningLetters, recalls] = await Promise.all([
    db.inspection.findMany({
      where,
      select: {
        vendorId: true,
        organizationId: true,
        isPublic: true,
        sourceKey: true,
        endDate: true,
        classification: true,
        observations483: true,
      },
    }),
    db.warningLetter.findMany({
      where,
      select: { vendorId: true, organizationId: true, isPublic: true, sourceKey: true, issuedAt: true, status: true },
    }),
    db.recall.findMany({
      where,
      select: { vendorId: true, organizationId: true, isPublic: true, date: true, classification: true },
    }),
  ]);
  for (const i of inspections) out.get(i.vendorId)?.inspections.push(i);
  for (const w of warningLetters) out.get(w.vendorId)?.warningLetters.push(w);
  for (const r of recalls) out.get(r.vendorId)?.recalls.push(r);
  for (const [id, h] of out) out.set(id, countedHistory(h));
  return out;
}

export type QualityChange = { vendorId: string; vendorName: string; before: QualitySummary; after: QualitySummary };

const sameSummary = (a: QualitySummary, b: QualitySummary) =>
  a.qualityScore === b.qualityScore &&
  a.hasOpenWarningLetter === b.hasOpenWarningLetter &&
  (a.lastInspectionAt?.getTime() ?? null) === (b.lastInspectionAt?.getTime() ?? null);

/**
 * Recompute the cached summaries of these vendors for the current organisation: the vendor's
 * own cache when the organisation owns it, else the organisation's VendorQualityView (created
 * when it holds history of its own on the vendor, deleted when it no longer does). Returns the
 * summaries that changed, as the viewer sees them.
 */
export async function refreshQuality(
  db: TenantDb,
  org: Pick<VendorOrg, "id">,
  vendorIds: string[],
  asOf = todayIso(),
  { queueViews = true }: { queueViews?: boolean } = {},
): Promise<QualityChange[]> {
  const ids = [...new Set(vendorIds)];
  if (ids.length === 0) return [];
  const [vendors, views, history] = await Promise.all([
    db.vendor.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        name: true,
        kind: true,
        organizationId: true,
        qualityScore: true,
        hasOpenWarningLetter: true,
        lastInspectionAt: true,
      },
    }),
    db.vendorQualityView.findMany({ where: { vendorId: { in: ids } } }),
    loadVisibleHistory(db, ids),
  ]);
  const viewOf = new Map(views.map((v) => [v.vendorId, v]));
  const qualityAsOf = new Date(asOf);
  const changes: QualityChange[] = [];
  let publicHistoryMoved = false;
  for (const v of vendors) {
    const h = history.get(v.id)!;
    const after = summarize(h, asOf);
    if (v.organizationId === org.id) {
      // Always written, also when unchanged: the bumped updatedAt tells sponsors' views that
      // the public history moved (the quality.views job recomputes those older than it).
      await db.vendor.update({ where: { id: v.id }, data: { ...after, qualityAsOf } });
      if (v.kind === "PLATFORM") publicHistoryMoved = true;
      if (!sameSummary(v, after)) changes.push({ vendorId: v.id, vendorName: v.name, before: pick(v), after });
      continue;
    }
    const view = viewOf.get(v.id);
    const before = view ? pick(view) : pick(v);
    const privateRecords = privateRecordCount(h, org.id);
    const holdsOwn = privateRecords > 0;
    if (holdsOwn) {
      await db.vendorQualityView.upsert({
        where: { organizationId_vendorId: { organizationId: org.id, vendorId: v.id } },
        create: { vendorId: v.id, ...after, privateRecords, qualityAsOf },
        update: { ...after, privateRecords, qualityAsOf },
      });
    } else if (view) {
      await db.vendorQualityView.delete({ where: { id: view.id } });
    }
    const seen = holdsOwn ? after : pick(v);
    if (!sameSummary(before, seen)) changes.push({ vendorId: v.id, vendorName: v.name, before, after: seen });
  }
  // Sponsors' views of this platform vendor are recomputed after commit, in their own transactions.
  if (publicHistoryMoved && queueViews) await queueJob(db, qualityViewsJob, null, { startAfter: 10 });
  return changes;
}

function pick(s: QualitySummary): QualitySummary {
  return {
    qualityScore: s.qualityScore,
    hasOpenWarningLetter: s.hasOpenWarningLetter,
    lastInspectionAt: s.lastInspectionAt,
  };
}
