import { describe, expect, it } from "vitest";
import { buildProblem, type PortfolioFacts } from "./build";
import { buildRecord, canonicalJson, rebaseDerivedRisks, recordChanges, recordHash, riskDrift } from "./record";
import { ZScenarioSettings } from "./settings";

const facts: PortfolioFacts = {
  stages: ["CLD", "PD"],
  vendors: [
    { id: "a", name: "Alpha", qualityScore: 90, offerScore: 80, bundle: null },
    { id: "b", name: "Beta", qualityScore: 60, offerScore: 60, bundle: null },
  ],
  offers: [
    { vendorId: "a", stageId: "CLD", price: 100, durationWeeks: 10 },
    { vendorId: "a", stageId: "PD", price: 200, durationWeeks: 20 },
    { vendorId: "b", stageId: "PD", price: 150, durationWeeks: 18 },
  ],
};
const ids = { programmeId: "p", rfpId: "r", scenarioId: "s" };
const settings = ZScenarioSettings.parse({});
const record = (f = facts, s = settings, assignment = { CLD: "a", PD: "b" }) =>
  buildRecord(ids, buildProblem(f, s), s, assignment);

describe("decision record", () => {
  it("hashes the same record the same way whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(recordHash(record())).toBe(recordHash(JSON.parse(JSON.stringify(record()))));
    expect(recordHash(record())).toMatch(/^[0-9a-f]{64}$/);
  });

  it("says in words what changed: an assumption, an offer, the assignment", () => {
    const edited = { ...settings, assumptions: { ...settings.assumptions, onboardingWeeks: 12 } };
    const priced = { ...facts, offers: facts.offers.map((o) => (o.vendorId === "b" ? { ...o, price: 175 } : o)) };
    expect(recordChanges(record(), record(facts, edited))).toEqual([
      "Assumption onboardingWeeks changed from 8 to 12.",
    ]);
    expect(recordChanges(record(), record(priced))).toEqual([
      "Beta's offer for Process development changed (price 150 to 175).",
    ]);
    expect(recordChanges(record(), record(facts, settings, { CLD: "a", PD: "a" }))).toEqual([
      "Process development moved from Beta to Alpha.",
    ]);
    expect(recordHash(record())).not.toBe(recordHash(record(priced)));
  });

  it("does not void a signature for the daily ageing of a quality-derived risk, but reports it", () => {
    const aged = { ...facts, vendors: facts.vendors.map((v) => (v.id === "b" ? { ...v, qualityScore: 62 } : v)) };
    const signed = record();
    const now = record(aged);
    expect(recordHash(now)).not.toBe(recordHash(signed));
    expect(recordHash(rebaseDerivedRisks(now, signed))).toBe(recordHash(signed));
    expect(riskDrift(now, signed)).toEqual(["Beta: 4.60% at signing, 4.42% today"]);
    // A risk the team overrides is an edit: it voids.
    const overridden = ZScenarioSettings.parse({ risk: { b: { annualRisk: 0.2, reason: "Warning letter" } } });
    expect(recordHash(rebaseDerivedRisks(record(facts, overridden), signed))).not.toBe(recordHash(signed));
  });
});
