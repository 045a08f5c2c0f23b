import type { Prisma, Vendor } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { recordAudit, diffFields } from "../audit/record-audit";
import { AppError, conflict, notFound } from "../errors/app-error";
import { assertCan } from "../auth/assert-can";
import { lockForTransaction } from "../db/sql/locks";
import { assertCanWriteVendors, type Actor, type VendorOrg } from "./context";
import { deriveFields } from "./derived";
import { lockForWrite } from "../db/sql/locks";
import type { TVendorProfile } from "./schemas";

// Creating and editing vendor records. A sponsor owns PRIVATE records; a CDMO owns exactly
// one PLATFORM profile, which is public. Every query here is already scoped to the
// organisation (reads see own + public rows, writes touch own rows only).

export const PROFILE_FIELDS = [
  "name",
  "legalName",
  "hqCountry",
  "hqCity",
  "website",
  "summary",
  "stages",
  "modalities",
  "certifications",
  "scaleTiers",
  "maxBioreactorLitres",
  "maxBatchUnits",
] as const satisfies readonly (keyof Vendor)[];

function profileData(p: TVendorProfile) {
  return {
    name: p.name,
    legalName: p.legalName,
    hqCountry: p.hqCountry,
    hqCity: p.hqCity,
    website: p.website,
    summary: p.summary,
    stages: p.stages,
    modalities: p.modalities,
    certifications: p.certifications,
    scaleTiers: p.scaleTiers,
    maxBioreactorLitres: p.maxBioreactorLitres,
    maxBatchUnits: p.maxBatchUnits,
  };
}

const pickProfile = (v: Pick<Vendor, (typeof PROFILE_FIELDS)[number]>) =>
  Object.fromEntries(PROFILE_FIELDS.map((f) => [f, v[f]])) as Record<(typeof PROFILE_FIELDS)[number], unknown>;

/** A vendor the organisation can see (and, unless archived is allowed, not archived), or NOT_FOUND. */
export async function findVisibleVendor(
  db: TenantDb,
  org: VendorOrg,
  vendorId: string,
  opts: { allowArchived?: boolean } = {},
) {
  const v = await db.vendor.findFirst({ where: { id: vendorId } });
  if (!v) throw notFound("The vendor");
  if (v.archivedAt && !(opts.allowArchived && v.organizationId === org.id)) throw notFound("The vendor");
  return v;
}

/**
 * A vendor the organisation owns and may edit, or NOT_FOUND / FORBIDDEN. Every caller is about
 * to change the vendor, its sites or what derives from them, so concurrent writers of the same
 * vendor wait for each other here (before anything is read) and none computes from a stale list.
 */
export async function findOwnVendor(db: TenantDb, org: VendorOrg, vendorId: string) {
  await lockForWrite(db, { kind: "vendor", orgId: org.id, vendorId });
  const v = await findVisibleVendor(db, org, vendorId);
  if (v.organizationId !== org.id)
    throw new AppError("FORBIDDEN", "Only the organisation that owns this vendor record can change it.");
  assertCanWriteVendors(org);
  return v;
}

async function create(db: TenantDb, actor: Actor, org: VendorOrg, kind: "PLATFORM" | "PRIVATE", p: TVendorProfile) {
  const data = profileData(p);
  const v = await db.vendor.create({
    data: {
      kind,
      isPublic: kind === "PLATFORM",
      ...data,
      ...deriveFields(data, []),
    },
  });
  await recordAudit(db, {
    actor,
    action: kind === "PLATFORM" ? "vendor.profile_created" : "vendor.created",
    entityType: "Vendor",
    entityId: v.id,
    changes: diffFields(null, pickProfile(v), [...PROFILE_FIELDS]),
  });
  return { id: v.id };
}

export async function createPrivateVendor(db: TenantDb, actor: Actor, org: VendorOrg, p: TVendorProfile) {
  assertCan(org, "vendor.createPrivate");
  return create(db, actor, org, "PRIVATE", p);
}

/** The CDMO's platform profile; at most one per organisation (serialised by an advisory lock). */
export async function createPlatformProfile(db: TenantDb, actor: Actor, org: VendorOrg, p: TVendorProfile) {
  assertCan(org, "profile.write");
  await lockForTransaction(db, `vendor-profile:${org.id}`);
  const existing = await db.vendor.findFirst({
    where: { organizationId: org.id, kind: "PLATFORM" },
    select: { id: true },
  });
  if (existing) throw new AppError("CONFLICT", "Your organisation already has a platform profile. Edit it instead.");
  return create(db, actor, org, "PLATFORM", p);
}

export async function updateVendor(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: TVendorProfile & { vendorId: string; version: number },
) {
  const before = await findOwnVendor(db, org, input.vendorId);
  const data = profileData(input);
  const sites = await db.vendorSite.findMany({ where: { vendorId: before.id, removedAt: null } });
  const updated = await db.vendor.updateMany({
    where: { id: before.id, version: input.version },
    data: { ...data, ...deriveFields(data, sites), version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict("Someone else changed this vendor. Reload it and apply your change again.");
  const changes = diffFields(pickProfile(before), pickProfile({ ...before, ...data }), [...PROFILE_FIELDS]);
  if (Object.keys(changes).length) {
    await recordAudit(db, { actor, action: "vendor.updated", entityType: "Vendor", entityId: before.id, changes });
  }
  return { id: before.id, version: input.version + 1 };
}

export async function archiveVendor(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: { vendorId: string; version: number },
) {
  const before = await findOwnVendor(db, org, input.vendorId);
  const updated = await db.vendor.updateMany({
    where: { id: before.id, version: input.version },
    data: { archivedAt: new Date(), version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict("Someone else changed this vendor. Reload it and try again.");
  await recordAudit(db, {
    actor,
    action: "vendor.archived",
    entityType: "Vendor",
    entityId: before.id,
    changes: { archivedAt: { old: null, new: new Date().toISOString() } },
  });
  return { id: before.id, version: input.version + 1 };
}

/** Link a sponsor's private record to the platform profile of the same company (or unlink: null). */
export async function linkVendor(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: { vendorId: string; platformVendorId: string | null },
) {
  assertCan(org, "vendor.createPrivate");
  const v = await findOwnVendor(db, org, input.vendorId);
  if (v.kind !== "PRIVATE")
    throw new AppError("BAD_REQUEST", "Only a private vendor record can be linked to a platform profile.", {
      field: "vendorId",
    });
  if (input.platformVendorId) {
    const target = await findVisibleVendor(db, org, input.platformVendorId);
    if (target.kind !== "PLATFORM")
      throw new AppError("BAD_REQUEST", "Choose a platform profile to link to.", { field: "platformVendorId" });
  }
  if (v.linkedVendorId === input.platformVendorId) return { id: v.id, linkedVendorId: v.linkedVendorId };
  await db.vendor.update({ where: { id: v.id }, data: { linkedVendorId: input.platformVendorId } });
  await recordAudit(db, {
    actor,
    action: input.platformVendorId ? "vendor.linked" : "vendor.unlinked",
    entityType: "Vendor",
    entityId: v.id,
    changes: { linkedVendorId: { old: v.linkedVendorId, new: input.platformVendorId } },
  });
  return { id: v.id, linkedVendorId: input.platformVendorId };
}

/** Platform profiles to link a private record to, by name. */
export async function listPlatformProfiles(db: TenantDb, input: { q?: string }) {
  const where: Prisma.VendorWhereInput = { kind: "PLATFORM", isPublic: true, archivedAt: null };
  if (input.q)
    where.OR = [
      { name: { contains: input.q, mode: "insensitive" } },
      { legalName: { contains: input.q, mode: "insensitive" } },
    ];
  return db.vendor.findMany({
    where,
    select: { id: true, name: true, hqCountry: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 50,
  });
}
