import { describe, expect, it } from "vitest";
import { InspectionIdentities, LetterIdentities, siteIdentity, type KnownInspection } from "./import-identity";

const rec = (over: Partial<KnownInspection>): KnownInspection => ({
  id: "r1",
  organizationId: "cdmo",
  isPublic: true,
  sourceKey: null,
  who: "fei:3016655443",
  endDate: new Date("2024-05-17T00:00:00Z"),
  projectArea: null,
  fdaInspectionId: null,
  ...over,
});
const row = (over: Partial<Parameters<InspectionIdentities["find"]>[0]> = {}) => ({
  who: "fei:3016655443",
  endDate: "2024-05-17",
  projectArea: "Biologics",
  sourceKey: "insp:k1",
  fdaInspectionId: null,
  ...over,
});

describe("siteIdentity", () => {
  it("is the FEI without leading zeros, else the site", () => {
    expect(siteIdentity({ siteId: "s1", feiNumber: "0003016655443" })).toBe("fei:3016655443");
    expect(siteIdentity({ siteId: "s1", feiNumber: null })).toBe("site:s1");
  });
});

describe("InspectionIdentities", () => {
  it("finds a hand-entered record (no project area) by site and day, once", () => {
    const ids = new InspectionIdentities([rec({})], "sponsor");
    expect(ids.find(row())?.id).toBe("r1");
    // A second row of the file for another project area is another inspection.
    expect(ids.find(row({ projectArea: "Drugs", sourceKey: "insp:k2" }))).toBeNull();
  });

  it("prefers the same FDA inspection id, then source key, then project area", () => {
    const ids = new InspectionIdentities(
      [
        rec({ id: "a", projectArea: "Biologics" }),
        rec({ id: "b", sourceKey: "insp:k1", projectArea: "Biologics" }),
        rec({ id: "c", fdaInspectionId: "123" }),
      ],
      "sponsor",
    );
    expect(ids.find(row({ fdaInspectionId: "123" }))?.id).toBe("c");
    expect(ids.find(row())?.id).toBe("b");
    expect(ids.find(row({ sourceKey: "insp:k3" }))?.id).toBe("a");
  });

  it("never matches two different FDA inspection ids, nor another site or day", () => {
    const ids = new InspectionIdentities([rec({ fdaInspectionId: "123", projectArea: "Biologics" })], "sponsor");
    expect(ids.find(row({ fdaInspectionId: "999" }))).toBeNull();
    expect(ids.find(row({ who: "fei:1" }))).toBeNull();
    expect(ids.find(row({ endDate: "2024-05-18" }))).toBeNull();
  });

  it("offers the public record before the sponsor's own copy", () => {
    const ids = new InspectionIdentities(
      [
        rec({ id: "a-own", organizationId: "sponsor", isPublic: false, sourceKey: "insp:k1" }),
        rec({ id: "z-public", sourceKey: "insp:k1" }),
      ],
      "sponsor",
    );
    expect(ids.find(row())?.id).toBe("z-public");
  });
});

describe("LetterIdentities", () => {
  const letter = {
    id: "w1",
    organizationId: "cdmo",
    isPublic: true,
    sourceKey: null,
    names: ["kestrel fill finish"],
    issuedAt: new Date("2025-10-30T00:00:00Z"),
    subject: "CGMP/Finished Pharmaceuticals/Adulterated",
  };
  it("finds the company's letter of that day whatever its legal suffix", () => {
    const ids = new LetterIdentities([letter], "sponsor");
    expect(
      ids.find({
        companyName: "Kestrel Fill-Finish, LLC",
        issueDate: "2025-10-30",
        subject: "Other subject",
        sourceKey: "wl:x",
      })?.id,
    ).toBe("w1");
  });
  it("a letter imported before with another subject is another letter", () => {
    const ids = new LetterIdentities([{ ...letter, sourceKey: "wl:other" }], "sponsor");
    expect(
      ids.find({ companyName: "Kestrel Fill-Finish", issueDate: "2025-10-30", subject: "Else", sourceKey: "wl:x" }),
    ).toBeNull();
  });
});
