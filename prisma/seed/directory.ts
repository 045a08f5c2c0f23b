import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../src/server/db/generated/client";
import { insertOrganization, slugsStartingWith, userByEmail } from "../../src/server/db/globals";
import { withTenant, type TenantDb } from "../../src/server/db/tenant";
import { slugify } from "../../src/server/orgs/slug";
import type { Actor } from "../../src/server/audit/record-audit";
import type { VendorOrg } from "../../src/server/vendors/context";
import { addInspection, addRecall, addWarningLetter, saveSite } from "../../src/server/vendors/history";
import { addNote, setTags } from "../../src/server/vendors/notes-tags";
import { ZVendorProfile } from "../../src/server/vendors/schemas";
import { createPlatformProfile, createPrivateVendor, linkVendor } from "../../src/server/vendors/vendors";
import {
  HELIX_PLATFORM_ANNOTATIONS,
  HELIX_PRIVATE_VENDORS,
  NORTHBRIDGE,
  PLATFORM_VENDORS,
  type SeedVendor,
} from "./data/directory-data";

// Vendor directory demo data, written through the same services the app uses so cached
// quality summaries, derived fields and audit entries come out as they would in use.

const day = (s: string) => new Date(`${s}T00:00:00Z`);

async function seedVendor(db: TenantDb, actor: Actor, org: VendorOrg, v: SeedVendor): Promise<string> {
  const profile = ZVendorProfile.parse({
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
  });
  const { id } =
    org.kind === "CDMO"
      ? await createPlatformProfile(db, actor, org, profile)
      : await createPrivateVendor(db, actor, org, profile);
  const siteIds: string[] = [];
  for (const s of v.sites) {
    const site = await saveSite(db, actor, org, {
      vendorId: id,
      site: {
        name: s.name ?? null,
        country: s.country,
        city: s.city,
        state: s.state ?? null,
        feiNumber: s.fei ?? null,
      },
    });
    siteIds.push(site.id);
  }
  for (const i of v.inspections ?? []) {
    await addInspection(db, actor, org, {
      siteId: siteIds[i.site]!,
      agency: i.agency ?? "FDA",
      endDate: day(i.endDate),
      classification: i.classification,
      observations483: i.observations483 ?? null,
      citations: null,
    });
  }
  for (const w of v.letters ?? []) {
    await addWarningLetter(db, actor, org, {
      vendorId: id,
      siteId: w.site === undefined ? null : siteIds[w.site]!,
      issuedAt: day(w.issuedAt),
      subject: w.subject,
      issuingOffice: w.issuingOffice ?? null,
      status: w.status,
      closedAt: w.closedAt ? day(w.closedAt) : null,
    });
  }
  for (const r of v.recalls ?? []) {
    await addRecall(db, actor, org, {
      vendorId: id,
      siteId: r.site === undefined ? null : siteIds[r.site]!,
      date: day(r.date),
      classification: r.classification ?? null,
      product: r.product ?? null,
      reason: r.reason ?? null,
    });
  }
  return id;
}

/** The demo user with this e-mail, else the organisation's first owner (tests seed their own orgs). */
async function actorFor(db: PrismaClient, orgId: string, email: string): Promise<Actor> {
  const u = await userByEmail(db, email);
  if (u) return { id: u.id, email };
  const m = await withTenant(db, { orgId }, (tx) =>
    tx.membership.findFirst({
      where: { role: "OWNER" },
      orderBy: { createdAt: "asc" },
      include: { user: { select: { id: true, email: true } } },
    }),
  );
  return m ? { id: m.user.id, email: m.user.email } : null;
}

/** Returns the platform profile ids by vendor name (tests use them). */
export async function seedDirectory(
  db: PrismaClient,
  orgs: Record<string, { id: string; slug: string }>,
): Promise<Map<string, string>> {
  const sponsor = orgs.sponsor!;
  const cdmo = orgs.cdmo!;
  const platformIds = new Map<string, string>();

  const nora = await actorFor(db, cdmo.id, "nora.owner@northbridge.example");
  const cdmoOrg: VendorOrg = { id: cdmo.id, kind: "CDMO", role: "OWNER" };
  platformIds.set(
    NORTHBRIDGE.name,
    await withTenant(db, { orgId: cdmo.id }, (tx) => seedVendor(tx, nora, cdmoOrg, NORTHBRIDGE)),
  );

  // Each other platform profile belongs to a CDMO organisation of its own, without members yet.
  for (const v of PLATFORM_VENDORS) {
    let slug = slugify(v.name);
    if ((await slugsStartingWith(db, slug)).includes(slug)) slug = `${slug}-demo`;
    const org = { id: randomUUID() };
    await withTenant(db, { orgId: org.id }, (tx) =>
      insertOrganization(tx, { id: org.id, slug, name: v.name, kind: "CDMO" }),
    );
    const vOrg: VendorOrg = { id: org.id, kind: "CDMO", role: "OWNER" };
    platformIds.set(v.name, await withTenant(db, { orgId: org.id }, (tx) => seedVendor(tx, null, vOrg, v)));
  }

  const eva = await actorFor(db, sponsor.id, "eva.evaluator@helix.example");
  const olivia = await actorFor(db, sponsor.id, "olivia.owner@helix.example");
  const helix: VendorOrg = { id: sponsor.id, kind: "SPONSOR", role: "OWNER" };
  await withTenant(db, { orgId: sponsor.id }, async (tx) => {
    for (const v of HELIX_PRIVATE_VENDORS) {
      const id = await seedVendor(tx, olivia, helix, v);
      if (v.linkTo) await linkVendor(tx, olivia, helix, { vendorId: id, platformVendorId: platformIds.get(v.linkTo)! });
      if (v.tags) await setTags(tx, eva, helix, { vendorId: id, expectedTags: [], tags: v.tags });
      for (const body of v.notes ?? []) await addNote(tx, eva, helix, { vendorId: id, body });
    }
    for (const a of HELIX_PLATFORM_ANNOTATIONS) {
      const id = platformIds.get(a.vendor)!;
      if (a.tags) await setTags(tx, eva, helix, { vendorId: id, expectedTags: [], tags: a.tags });
      for (const body of a.notes ?? []) await addNote(tx, eva, helix, { vendorId: id, body });
    }
  });
  return platformIds;
}
