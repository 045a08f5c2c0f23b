import { describe, expect, it } from "vitest";
import {
  DEFAULT_COLUMNS,
  matchedCapabilities,
  parseColumns,
  relevantCapacities,
  shortQuantity,
  toggleColumn,
} from "./directory-columns";
import { DEFAULT_STATE } from "./directory-params";

describe("directory columns", () => {
  it("reads the stored choice, dropping what it does not know, and falls back to the defaults", () => {
    expect(parseColumns(null)).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns("not json")).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('{"a":1}')).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('["certifications","bogus","location"]')).toEqual(["location", "certifications"]);
    // Everything hidden is a choice too.
    expect(parseColumns("[]")).toEqual([]);
  });

  it("toggles a column and keeps the catalogue's order", () => {
    expect(toggleColumn(["location", "capacity"], "capabilities", true)).toEqual([
      "location",
      "capabilities",
      "capacity",
    ]);
    expect(toggleColumn(["location", "capacity"], "location", false)).toEqual(["capacity"]);
  });
});

describe("what a row shows for the active filters", () => {
  const item = { stages: ["DS_CLIN", "FILL", "LYO"], modalities: ["MAB", "ADC"], scaleTiers: ["CLINICAL"] };

  it("names the capabilities that matched", () => {
    const s = { ...DEFAULT_STATE, stages: ["FILL", "QC"], modalities: ["ADC"], scaleTiers: ["COMMERCIAL"] };
    expect(matchedCapabilities(item, s)).toEqual({ stages: ["FILL"], modalities: ["ADC"], scaleTiers: [] });
    expect(matchedCapabilities(item, DEFAULT_STATE)).toEqual({ stages: [], modalities: [], scaleTiers: [] });
  });

  it("puts the capacity the search is about first", () => {
    expect(relevantCapacities({ ...DEFAULT_STATE, stages: ["FILL"] })).toEqual({
      order: ["batch", "bioreactor"],
      asked: new Set(["batch"]),
    });
    expect(relevantCapacities({ ...DEFAULT_STATE, stages: ["DS_COMM"] }).order).toEqual(["bioreactor", "batch"]);
    // A minimum typed in wins over a stage.
    expect(relevantCapacities({ ...DEFAULT_STATE, stages: ["FILL"], minBioreactorLitres: "2000" }).order).toEqual([
      "bioreactor",
      "batch",
    ]);
    expect(relevantCapacities(DEFAULT_STATE)).toEqual({ order: ["bioreactor", "batch"], asked: new Set() });
  });

  it("shortens quantities for a cell", () => {
    expect(shortQuantity(2000, "L")).toBe("2,000 L");
    expect(shortQuantity(12_000, "L")).toBe("12k L");
    expect(shortQuantity(400_000, "units")).toBe("400k units");
    expect(shortQuantity(2_500_000, "units")).toBe("2.5M units");
  });
});
