import type { TenantDb } from "../db/tenant";
import { countryName, modalityLabel, regionsOf, stageLabel } from "./catalog";

// Fields derived from a vendor's profile and sites: `regions` (for the region filter) and
// `searchText` (the source of the full-text index; a trigger turns it into searchVector).

type ProfileLike = {
  name: string;
  legalName: string | null;
  hqCountry: string | null;
  hqCity: string | null;
  summary: string | null;
  stages: string[];
  modalities: string[];
  certifications: string[];
};
type SiteLike = { name: string | null; country: string; city: string; state?: string | null; feiNumber: string | null };

export function buildSearchText(v: ProfileLike, sites: SiteLike[]): string {
  const parts = [
    v.name,
    v.legalName,
    v.hqCity,
    v.hqCountry,
    countryName(v.hqCountry),
    ...v.certifications,
    ...v.stages.map(stageLabel),
    ...v.modalities.map(modalityLabel),
    ...sites.flatMap((s) => [s.name, s.city, s.state, countryName(s.country), s.feiNumber]),
    v.summary,
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    const t = p?.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out.join(" ").slice(0, 20_000);
}

export function deriveFields(v: ProfileLike, sites: SiteLike[]): { regions: string[]; searchText: string } {
  return { regions: regionsOf([v.hqCountry, ...sites.map((s) => s.country)]), searchText: buildSearchText(v, sites) };
}

/** Recompute regions and searchText of an own vendor from its current profile and sites. */
export async function refreshDerived(db: TenantDb, vendorId: string): Promise<void> {
  const v = await db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
  const sites = await db.vendorSite.findMany({ where: { vendorId, removedAt: null } });
  await db.vendor.update({ where: { id: vendorId }, data: deriveFields(v, sites) });
}
