import type { Vendor, VendorSite } from "../db/generated/client";
import { userNames } from "../db/globals";
import type { TenantDb } from "../db/tenant";
import { canWriteVendors, type VendorOrg } from "./context";
import { isoDay } from "./context";
import {
  breakdown,
  countedHistory,
  loadVisibleHistory,
  privateRecordCount,
  publicHistory,
  summarize,
  todayIso,
} from "./quality";
import { findVisibleVendor } from "./vendors";

// The profile page and the comparison. Everything is read through the scoped client, so a
// viewer sees the vendor's public history plus whatever it recorded itself, never another
// sponsor's. The quality breakdown is computed on read from exactly those rows, beside the
// score of the public records alone (the same for every viewer) and how many of the viewer's
// private records the first one includes. Every record says where it comes from.

export type Visibility = "OWN" | "PUBLIC";

function vendorShape(v: Vendor, org: VendorOrg, linked: { id: string; name: string } | null) {
  return {
    id: v.id,
    kind: v.kind,
    name: v.name,
    legalName: v.legalName,
    hqCountry: v.hqCountry,
    hqCity: v.hqCity,
    website: v.website,
    summary: v.summary,
    stages: v.stages,
    modalities: v.modalities,
    certifications: v.certifications,
    scaleTiers: v.scaleTiers,
    maxBioreactorLitres: v.maxBioreactorLitres,
    maxBatchUnits: v.maxBatchUnits,
    regions: v.regions,
    linkedVendor: linked,
    version: v.version,
    isOwn: v.organizationId === org.id,
    archivedAt: v.archivedAt,
  };
}
export type VendorShape = ReturnType<typeof vendorShape>;

const siteShape = (s: VendorSite) => ({
  id: s.id,
  name: s.name,
  country: s.country,
  city: s.city,
  state: s.state,
  feiNumber: s.feiNumber,
  removed: !!s.removedAt,
});

async function linkedOf(db: TenantDb, vendors: Vendor[]): Promise<Map<string, { id: string; name: string }>> {
  const ids = [...new Set(vendors.map((v) => v.linkedVendorId).filter((x): x is string => !!x))];
  if (!ids.length) return new Map();
  const rows = await db.vendor.findMany({
    where: { id: { in: ids }, archivedAt: null },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

export async function getVendor(db: TenantDb, org: VendorOrg, userId: string | null, vendorId: string) {
  const v = await findVisibleVendor(db, org, vendorId, { allowArchived: true });
  return vendorDetail(db, org, userId, v);
}

type Sourced = { source: string | null; sourceDate: Date | null; isPublic: boolean };

/** "FDA Data Dashboard, 2026-11-30"; what was entered by hand says who entered it. */
export function sourceLine(r: Sourced): string {
  if (r.source) return r.sourceDate ? `${r.source}, ${isoDay(r.sourceDate)}` : r.source;
  return r.isPublic ? "Declared by the CDMO" : "Entered by your organisation";
}

async function vendorDetail(db: TenantDb, org: VendorOrg, userId: string | null, v: Vendor) {
  const where = { vendorId: v.id };
  const vis = (o: string): Visibility => (o === org.id ? "OWN" : "PUBLIC");
  // A private copy of a public record is shown (its owner may remove it) but counted once.
  const about = (r: Sourced & { id: string }, counted: Set<string>) => ({
    source: sourceLine(r),
    countedOnce: !counted.has(r.id),
  });
  const [linked, sites, inspections, warningLetters, recalls, notes, tags] = await Promise.all([
    linkedOf(db, [v]),
    db.vendorSite.findMany({ where, orderBy: [{ country: "asc" }, { city: "asc" }, { id: "asc" }] }), // removed ones too, split below
    db.inspection.findMany({ where, orderBy: [{ endDate: "desc" }, { id: "asc" }] }),
    db.warningLetter.findMany({ where, orderBy: [{ issuedAt: "desc" }, { id: "asc" }] }),
    db.recall.findMany({ where, orderBy: [{ date: "desc" }, { id: "asc" }] }),
    org.kind === "SPONSOR"
      ? db.vendorNote.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }] })
      : Promise.resolve([]),
    db.vendorTag.findMany({ where, orderBy: { tag: "asc" } }),
  ]);
  const authorIds = [...new Set(notes.map((n) => n.authorId))];
  const authorName = await userNames(db, authorIds);
  const referenced = new Set<string | null>([...inspections, ...warningLetters, ...recalls].map((h) => h.siteId));
  const counted = countedHistory({ inspections, warningLetters, recalls });
  const countedIds = new Set([...counted.inspections, ...counted.warningLetters].map((r) => r.id));
  for (const r of recalls) countedIds.add(r.id);
  return {
    vendor: vendorShape(v, org, v.linkedVendorId ? (linked.get(v.linkedVendorId) ?? null) : null),
    sites: sites.filter((s) => !s.removedAt).map(siteShape),
    // Sites the CDMO has removed that this organisation's visible history still points at.
    removedSites: sites.filter((s) => s.removedAt && referenced.has(s.id)).map(siteShape),
    history: {
      inspections: inspections.map((i) => ({
        id: i.id,
        siteId: i.siteId,
        agency: i.agency,
        endDate: i.endDate,
        classification: i.classification,
        observations483: i.observations483,
        citations: i.citations,
        productType: i.productType,
        projectArea: i.projectArea,
        visibility: vis(i.organizationId),
        ...about(i, countedIds),
      })),
      warningLetters: warningLetters.map((w) => ({
        id: w.id,
        siteId: w.siteId,
        issuedAt: w.issuedAt,
        subject: w.subject,
        issuingOffice: w.issuingOffice,
        status: w.status,
        closedAt: w.closedAt,
        visibility: vis(w.organizationId),
        ...about(w, countedIds),
      })),
      recalls: recalls.map((r) => ({
        id: r.id,
        siteId: r.siteId,
        date: r.date,
        classification: r.classification,
        product: r.product,
        reason: r.reason,
        visibility: vis(r.organizationId),
        ...about(r, countedIds),
      })),
    },
    quality: {
      ...breakdown(counted),
      publicScore: breakdown(publicHistory(counted)).score,
      privateRecords: privateRecordCount(counted, org.id),
    },
    notes: notes.map((n) => ({
      id: n.id,
      body: n.body,
      authorName: authorName.get(n.authorId) ?? "Former member",
      createdAt: n.createdAt,
      isMine: n.authorId === userId,
    })),
    tags: tags.map((t) => t.tag),
    canEdit: v.organizationId === org.id && !v.archivedAt && canWriteVendors(org),
  };
}
export type VendorDetail = Awaited<ReturnType<typeof vendorDetail>>;

/** The CDMO's own platform profile (archived or not), or null before it creates one. */
export async function getMyProfile(db: TenantDb, org: VendorOrg, userId: string | null) {
  const v = await db.vendor.findFirst({ where: { organizationId: org.id, kind: "PLATFORM" } });
  return v ? vendorDetail(db, org, userId, v) : null;
}

/** Up to four vendors side by side, in the order asked for. */
export async function compareVendors(db: TenantDb, org: VendorOrg, vendorIds: string[]) {
  const vendors = await db.vendor.findMany({ where: { id: { in: vendorIds }, archivedAt: null } });
  const byId = new Map(vendors.map((v) => [v.id, v]));
  for (const id of vendorIds) if (!byId.has(id)) await findVisibleVendor(db, org, id); // throws NOT_FOUND
  const [linked, history, siteCounts] = await Promise.all([
    linkedOf(db, vendors),
    loadVisibleHistory(db, vendorIds),
    db.vendorSite.groupBy({
      by: ["vendorId"],
      where: { vendorId: { in: vendorIds }, removedAt: null },
      _count: { _all: true },
    }),
  ]);
  const sitesOf = new Map(siteCounts.map((s) => [s.vendorId, s._count._all]));
  const asOf = todayIso();
  return vendorIds.map((id) => {
    const v = byId.get(id)!;
    const h = history.get(id)!;
    const s = summarize(h, asOf);
    const count = (c: "NAI" | "VAI" | "OAI") => h.inspections.filter((i) => i.classification === c).length;
    return {
      vendor: vendorShape(v, org, v.linkedVendorId ? (linked.get(v.linkedVendorId) ?? null) : null),
      siteCount: sitesOf.get(id) ?? 0,
      quality: {
        score: s.qualityScore,
        hasOpenWarningLetter: s.hasOpenWarningLetter,
        lastInspectionAt: s.lastInspectionAt,
        inspections: { NAI: count("NAI"), VAI: count("VAI"), OAI: count("OAI") },
        openWarningLetters: h.warningLetters.filter((w) => w.status === "OPEN").length,
        publicScore: summarize(publicHistory(h), asOf).qualityScore,
        privateRecords: privateRecordCount(h, org.id),
      },
    };
  });
}
