import type { TenantDb } from "../db/tenant";
import { recordAudit, type Changes } from "../audit/record-audit";
import { AppError, notFound } from "../errors/app-error";
import { assertCanWriteVendors, isoDay, type Actor, type VendorOrg } from "./context";
import { refreshDerived } from "./derived";
import { refreshQuality, type QualityChange } from "./quality";
import { findOwnVendor, findVisibleVendor } from "./vendors";
import { lockForWrite } from "../db/sql/locks";

// Sites and quality-system history. A CDMO records history on its own platform profile
// (public rows); a sponsor records history on any vendor it can see (private rows, which
// only it sees). Each change recomputes the cached quality summary in the same transaction.

type SiteInput = {
  id?: string;
  name: string | null;
  country: string;
  city: string;
  state: string | null;
  feiNumber: string | null;
};

export async function saveSite(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: { vendorId: string; site: SiteInput },
) {
  const vendor = await findOwnVendor(db, org, input.vendorId);
  const { id, ...fields } = input.site;
  const data = {
    name: fields.name,
    country: fields.country,
    city: fields.city,
    state: fields.state,
    feiNumber: fields.feiNumber,
  };
  let siteId: string;
  let changes: Changes;
  if (id) {
    const before = await db.vendorSite.findFirst({
      where: { id, vendorId: vendor.id, organizationId: org.id, removedAt: null },
    });
    if (!before) throw notFound("The site");
    await db.vendorSite.update({ where: { id }, data });
    siteId = id;
    changes = {};
    for (const k of Object.keys(data) as (keyof typeof data)[]) {
      if (before[k] !== data[k]) changes[k] = { old: before[k], new: data[k] };
    }
  } else {
    const site = await db.vendorSite.create({
      data: { vendorId: vendor.id, isPublic: vendor.kind === "PLATFORM", ...data },
    });
    siteId = site.id;
    changes = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { old: null, new: v }]));
  }
  await refreshDerived(db, vendor.id);
  if (Object.keys(changes).length) {
    await recordAudit(db, {
      actor,
      action: id ? "vendor_site.updated" : "vendor_site.created",
      entityType: "VendorSite",
      entityId: siteId,
      changes: { vendorId: { old: null, new: vendor.id }, ...changes },
    });
  }
  return { id: siteId };
}

/**
 * Removing a site removes the owner's own inspections there and marks the site removed. The
 * row itself stays: inspections, letters and recalls other organisations recorded there are
 * theirs and keep pointing at the site they recorded (shown as removed by the CDMO). The
 * site is never deleted, whoever holds records there, so the answer is the same either way
 * and says nothing about other organisations' private records.
 */
export async function removeSite(db: TenantDb, actor: Actor, org: VendorOrg, input: { siteId: string }) {
  const site = await db.vendorSite.findFirst({ where: { id: input.siteId, removedAt: null } });
  if (!site) throw notFound("The site");
  await findOwnVendor(db, org, site.vendorId);
  // FDA records loaded for everyone stay (on the removed site): they are the FDA's, not the CDMO's.
  const own = await db.inspection.deleteMany({ where: { siteId: site.id, organizationId: org.id, source: null } });
  await db.vendorSite.update({ where: { id: site.id }, data: { removedAt: new Date() } });
  await refreshDerived(db, site.vendorId);
  const quality = await refreshQuality(db, org, [site.vendorId]);
  await recordAudit(db, {
    actor,
    action: "vendor_site.removed",
    entityType: "VendorSite",
    entityId: site.id,
    changes: {
      vendorId: { old: site.vendorId, new: null },
      city: { old: site.city, new: null },
      country: { old: site.country, new: null },
      feiNumber: { old: site.feiNumber, new: null },
      inspections: { old: own.count, new: 0 },
    },
  });
  await auditQuality(db, actor, quality, "Site removed");
  return { ok: true as const };
}

/** Audit entries for cached quality summaries that changed. */
export async function auditQuality(db: TenantDb, actor: Actor, changes: QualityChange[], reason: string) {
  for (const c of changes) {
    await recordAudit(db, {
      actor,
      action: "vendor.quality_changed",
      entityType: "Vendor",
      entityId: c.vendorId,
      reason,
      changes: {
        qualityScore: { old: c.before.qualityScore, new: c.after.qualityScore },
        hasOpenWarningLetter: { old: c.before.hasOpenWarningLetter, new: c.after.hasOpenWarningLetter },
        lastInspectionAt: {
          old: c.before.lastInspectionAt && isoDay(c.before.lastInspectionAt),
          new: c.after.lastInspectionAt && isoDay(c.after.lastInspectionAt),
        },
      },
    });
  }
}

/**
 * Where history about a vendor may be written by this organisation, and whether the row is
 * public: a CDMO only on its own platform profile (public), a sponsor on anything it sees.
 */
async function historyTarget(db: TenantDb, org: VendorOrg, vendorId: string) {
  assertCanWriteVendors(org);
  // Writers of this organisation's history on the vendor recompute its quality in turn.
  await lockForWrite(db, { kind: "vendor", orgId: org.id, vendorId });
  const vendor = await findVisibleVendor(db, org, vendorId);
  if (org.kind === "CDMO") {
    if (vendor.organizationId !== org.id)
      throw new AppError("FORBIDDEN", "A CDMO records quality history only on its own profile.");
    return { vendor, isPublic: vendor.kind === "PLATFORM" };
  }
  return { vendor, isPublic: false };
}

async function siteOf(db: TenantDb, vendorId: string, siteId: string | null) {
  if (!siteId) return null;
  const site = await db.vendorSite.findFirst({ where: { id: siteId, vendorId, removedAt: null } });
  if (!site) throw new AppError("BAD_REQUEST", "That site does not belong to this vendor.", { field: "siteId" });
  return site;
}

const day = (d: Date | null) => (d ? isoDay(d) : null);

export async function addInspection(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: {
    siteId: string;
    agency: string;
    endDate: Date;
    classification: "NAI" | "VAI" | "OAI";
    observations483: number | null;
    citations: string | null;
  },
) {
  const site = await db.vendorSite.findFirst({ where: { id: input.siteId, removedAt: null } });
  if (!site) throw notFound("The site");
  const { vendor, isPublic } = await historyTarget(db, org, site.vendorId);
  const row = await db.inspection.create({
    data: {
      isPublic,
      vendorId: vendor.id,
      siteId: site.id,
      agency: input.agency,
      endDate: input.endDate,
      classification: input.classification,
      observations483: input.observations483,
      citations: input.citations,
    },
  });
  await recordAudit(db, {
    actor,
    action: "inspection.created",
    entityType: "Inspection",
    entityId: row.id,
    changes: {
      vendorId: { old: null, new: vendor.id },
      siteId: { old: null, new: site.id },
      agency: { old: null, new: input.agency },
      endDate: { old: null, new: day(input.endDate) },
      classification: { old: null, new: input.classification },
      observations483: { old: null, new: input.observations483 },
    },
  });
  await auditQuality(db, actor, await refreshQuality(db, org, [vendor.id]), "Inspection added");
  return { id: row.id };
}

export async function addWarningLetter(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: {
    vendorId: string;
    siteId: string | null;
    issuedAt: Date;
    subject: string;
    issuingOffice: string | null;
    status: "OPEN" | "CLOSED";
    closedAt: Date | null;
  },
) {
  const { vendor, isPublic } = await historyTarget(db, org, input.vendorId);
  const site = await siteOf(db, vendor.id, input.siteId);
  const row = await db.warningLetter.create({
    data: {
      isPublic,
      vendorId: vendor.id,
      siteId: site?.id ?? null,
      issuedAt: input.issuedAt,
      subject: input.subject,
      issuingOffice: input.issuingOffice,
      status: input.status,
      closedAt: input.closedAt,
    },
  });
  await recordAudit(db, {
    actor,
    action: "warning_letter.created",
    entityType: "WarningLetter",
    entityId: row.id,
    changes: {
      vendorId: { old: null, new: vendor.id },
      siteId: { old: null, new: row.siteId },
      issuedAt: { old: null, new: day(input.issuedAt) },
      subject: { old: null, new: input.subject },
      status: { old: null, new: input.status },
      closedAt: { old: null, new: day(input.closedAt) },
    },
  });
  await auditQuality(db, actor, await refreshQuality(db, org, [vendor.id]), "Warning letter added");
  return { id: row.id };
}

export async function addRecall(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: {
    vendorId: string;
    siteId: string | null;
    date: Date;
    classification: "I" | "II" | "III" | null;
    product: string | null;
    reason: string | null;
  },
) {
  const { vendor, isPublic } = await historyTarget(db, org, input.vendorId);
  const site = await siteOf(db, vendor.id, input.siteId);
  const row = await db.recall.create({
    data: {
      isPublic,
      vendorId: vendor.id,
      siteId: site?.id ?? null,
      date: input.date,
      classification: input.classification,
      product: input.product,
      reason: input.reason,
    },
  });
  await recordAudit(db, {
    actor,
    action: "recall.created",
    entityType: "Recall",
    entityId: row.id,
    changes: {
      vendorId: { old: null, new: vendor.id },
      date: { old: null, new: day(input.date) },
      classification: { old: null, new: input.classification },
      product: { old: null, new: input.product },
    },
  });
  await auditQuality(db, actor, await refreshQuality(db, org, [vendor.id]), "Recall added");
  return { id: row.id };
}

export async function removeHistory(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: { kind: "inspection" | "warningLetter" | "recall"; id: string },
) {
  assertCanWriteVendors(org);
  // Own rows only: another organisation's (public) row is "not found" for deleting.
  const own = { id: input.id, organizationId: org.id };
  // The public FDA records on a CDMO's profile were loaded by the operator for everyone.
  const fdaRecord = (r: { isPublic: boolean; source: string | null }) => {
    if (r.isPublic && r.source)
      throw new AppError(
        "FORBIDDEN",
        `This record comes from the ${r.source} and is shown to everyone; it cannot be removed here. If the FDA corrected it, the next FDA load updates it.`,
      );
  };
  let row: { id: string; vendorId: string } & Record<string, unknown>;
  if (input.kind === "inspection") {
    const r = await db.inspection.findFirst({ where: own });
    if (!r) throw notFound("The inspection");
    fdaRecord(r);
    await db.inspection.delete({ where: { id: r.id } });
    row = { ...r, endDate: day(r.endDate) };
  } else if (input.kind === "warningLetter") {
    const r = await db.warningLetter.findFirst({ where: own });
    if (!r) throw notFound("The warning letter");
    fdaRecord(r);
    await db.warningLetter.delete({ where: { id: r.id } });
    row = { ...r, issuedAt: day(r.issuedAt), closedAt: day(r.closedAt) };
  } else {
    const r = await db.recall.findFirst({ where: own });
    if (!r) throw notFound("The recall");
    fdaRecord(r);
    await db.recall.delete({ where: { id: r.id } });
    row = { ...r, date: day(r.date) };
  }
  await lockForWrite(db, { kind: "vendor", orgId: org.id, vendorId: row.vendorId });
  const entityType =
    input.kind === "inspection" ? "Inspection" : input.kind === "warningLetter" ? "WarningLetter" : "Recall";
  const skip = new Set(["id", "organizationId", "createdAt", "isPublic", "sourceDate"]);
  await recordAudit(db, {
    actor,
    action: `${input.kind === "warningLetter" ? "warning_letter" : input.kind}.removed`,
    entityType,
    entityId: row.id,
    changes: Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => !skip.has(k))
        .map(([k, v]) => [k, { old: v ?? null, new: null }]),
    ),
  });
  await auditQuality(db, actor, await refreshQuality(db, org, [row.vendorId]), "History removed");
  return { ok: true as const };
}
