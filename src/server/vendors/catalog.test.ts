import { describe, expect, it } from "vitest";
import {
  COUNTRIES,
  MODALITIES,
  REGION_CODES,
  REGIONS,
  SCALE_TIERS,
  STAGES,
  countryCodeOf,
  regionOfCountry,
  regionsOf,
} from "./catalog";
import { ZDirectoryInput, ZVendorProfile } from "./schemas";
import { prefixTsQuery } from "../db/sql/directory";

describe("catalogue", () => {
  it("has unique codes and labels in every list", () => {
    for (const list of [STAGES, MODALITIES, SCALE_TIERS, REGIONS]) {
      expect(new Set(list.map((e) => e.code)).size).toBe(list.length);
      expect(new Set(list.map((e) => e.label)).size).toBe(list.length);
    }
    expect(STAGES.map((s) => s.code)).toEqual([
      "CLD",
      "PD",
      "DS_CLIN",
      "DS_COMM",
      "DP_FORM",
      "FILL",
      "LYO",
      "QC",
      "PACK",
      "COLD",
    ]);
  });
  it("maps about 60 countries to known regions", () => {
    expect(Object.keys(COUNTRIES).length).toBeGreaterThanOrEqual(60);
    for (const [code, [, region]] of Object.entries(COUNTRIES)) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(REGION_CODES).toContain(region);
    }
    expect(regionOfCountry("gb")).toBe("UK");
    expect(regionOfCountry("ZZ")).toBeNull();
    expect(regionsOf(["US", "DE", "JP", "DE", null, "ZZ"])).toEqual(["NA", "EU", "APAC"]);
  });
  it("reads FDA country names", () => {
    expect(countryCodeOf("United States")).toBe("US");
    expect(countryCodeOf("Korea, Republic of")).toBe("KR");
    expect(countryCodeOf("de")).toBe("DE");
    expect(countryCodeOf("Atlantis")).toBeNull();
  });
});

describe("schemas", () => {
  it("normalise a vendor profile: blanks to null, codes checked, duplicates dropped", () => {
    const p = ZVendorProfile.parse({
      name: "  Acme Bio ",
      legalName: "",
      hqCountry: "de",
      website: "",
      stages: ["FILL", "FILL", "LYO"],
      modalities: [],
    });
    expect(p).toMatchObject({
      name: "Acme Bio",
      legalName: null,
      hqCountry: "DE",
      website: null,
      stages: ["FILL", "LYO"],
      certifications: [],
      maxBioreactorLitres: null,
    });
    const bad = ZVendorProfile.safeParse({ name: "Acme", stages: ["BAKING"] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/"BAKING" is not a known stage/);
  });
  it("directory input has defaults and bounds", () => {
    expect(ZDirectoryInput.parse({})).toMatchObject({ source: "ALL", sort: "name", dir: "asc", page: 1, pageSize: 25 });
    expect(ZDirectoryInput.safeParse({ pageSize: 5 }).success).toBe(false);
    expect(ZDirectoryInput.safeParse({ pageSize: 101 }).success).toBe(false);
    expect(ZDirectoryInput.safeParse({ page: 0 }).success).toBe(false);
  });
  it("builds prefix queries from letters and digits only", () => {
    expect(prefixTsQuery("Kest bio")).toBe("kest:* & bio:*");
    expect(prefixTsQuery("fill-finish & ')(:*")).toBe("fill:* & finish:*");
    expect(prefixTsQuery("!!!")).toBeNull();
  });
});
