import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildMatchIndex,
  inspectionSourceKey,
  letterSourceKey,
  matchInspection,
  matchLetter,
  normalizeCity,
  normalizeName,
  type SiteRef,
} from "./import-match";

describe("normalizeName", () => {
  it("ignores case, punctuation, accents and legal suffixes", () => {
    expect(normalizeName("Kestrel Fill-Finish, LLC")).toBe("kestrel fill finish");
    expect(normalizeName("KESTREL FILL FINISH llc.")).toBe("kestrel fill finish");
    expect(normalizeName("Rhône Peptide Sciences SAS")).toBe(normalizeName("Rhone Peptide Sciences"));
    expect(normalizeName("Deccan Pharma Solutions Pvt. Ltd.")).toBe("deccan pharma solutions");
    expect(normalizeName("Jiangsu Everbright Biologics Co., Ltd.")).toBe("jiangsu everbright biologics");
    expect(normalizeName("Carmel Cell & Gene Ltd")).toBe("carmel cell and gene");
    // A name that is only a suffix keeps its last word.
    expect(normalizeName("Inc.")).toBe("inc");
    expect(normalizeCity("São  Paulo")).toBe("sao paulo");
  });
});

describe("source keys", () => {
  const r = {
    feiNumber: "3004455667",
    legalName: "Kestrel",
    city: "Bloomington",
    endDate: "2024-10-10",
    projectArea: "Drug Quality Assurance",
  };
  it("are stable and depend only on the natural key", () => {
    expect(inspectionSourceKey(r)).toBe(
      inspectionSourceKey({ ...r, legalName: "Other spelling", projectArea: " drug quality assurance " }),
    );
    expect(inspectionSourceKey(r)).not.toBe(inspectionSourceKey({ ...r, endDate: "2024-10-11" }));
    expect(inspectionSourceKey(r)).not.toBe(inspectionSourceKey({ ...r, projectArea: "Biologics" }));
    expect(inspectionSourceKey({ ...r, feiNumber: null })).not.toBe(inspectionSourceKey(r));
    expect(letterSourceKey({ companyName: "Kestrel, LLC", issueDate: "2025-10-30", subject: "CGMP" })).toBe(
      letterSourceKey({ companyName: "kestrel", issueDate: "2025-10-30", subject: "cgmp " }),
    );
  });
  it("do not collide across distinct keys (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7,10}$/), fc.stringMatching(/^\d{7,10}$/), (a, b) => {
        const ka = inspectionSourceKey({ ...r, feiNumber: a });
        const kb = inspectionSourceKey({ ...r, feiNumber: b });
        return (a.replace(/^0+/, "") === b.replace(/^0+/, "")) === (ka === kb);
      }),
    );
  });
});

describe("matching", () => {
  const site = (over: Partial<SiteRef>): SiteRef => ({
    siteId: "s1",
    vendorId: "v1",
    vendorName: "Kestrel Fill-Finish",
    vendorLegalName: "Kestrel Fill-Finish, LLC",
    city: "Bloomington",
    feiNumber: "3004455667",
    own: false,
    ...over,
  });
  const ix = buildMatchIndex(
    [
      site({}),
      site({
        siteId: "s2",
        vendorId: "v2",
        vendorName: "Kestrel (our record)",
        vendorLegalName: "Kestrel Fill-Finish LLC",
        city: "Bloomington",
        feiNumber: "3004455667",
        own: true,
      }),
      site({
        siteId: "s3",
        vendorId: "v3",
        vendorName: "Deccan",
        vendorLegalName: "Deccan Pharma Pvt Ltd",
        city: "Hyderabad",
        feiNumber: null,
      }),
    ],
    [
      {
        vendorId: "v1",
        vendorName: "Kestrel Fill-Finish",
        legalName: "Kestrel Fill-Finish, LLC",
        own: false,
        siteIds: ["s1"],
      },
      { vendorId: "v3", vendorName: "Deccan", legalName: "Deccan Pharma Pvt Ltd", own: false, siteIds: ["s3", "s4"] },
    ],
  );
  it("matches by FEI first, preferring the sponsor's own record", () => {
    const m = matchInspection(ix, { feiNumber: "03004455667", legalName: "whatever", city: "x" });
    expect(m.site?.siteId).toBe("s2");
  });
  it("falls back to legal name + city, and explains a miss", () => {
    expect(
      matchInspection(ix, { feiNumber: "3999999999", legalName: "DECCAN PHARMA PVT. LTD.", city: "hyderabad" }).site
        ?.siteId,
    ).toBe("s3");
    const miss = matchInspection(ix, { feiNumber: null, legalName: "Deccan Pharma", city: "Pune" });
    expect(miss.site).toBeNull();
    expect("reason" in miss && miss.reason).toMatch(/Pune/);
  });
  it("letters go to the vendor, on its site only when it has exactly one", () => {
    expect(matchLetter(ix, { companyName: "Kestrel Fill-Finish LLC" })).toMatchObject({
      vendor: { vendorId: "v1" },
      siteId: "s1",
    });
    expect(matchLetter(ix, { companyName: "Deccan Pharma Pvt. Ltd." })).toMatchObject({
      vendor: { vendorId: "v3" },
      siteId: null,
    });
    expect(matchLetter(ix, { companyName: "Nobody Inc" }).vendor).toBeNull();
  });
});
