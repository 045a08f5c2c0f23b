// The decision-model problem of one scenario: the facts (offers from the submitted responses,
// quality history, evaluation totals, bundle discounts the CDMOs offered) plus the team's edits
// (settings.ts). Pure and browser-safe: the page rebuilds the problem as the user edits, the
// server builds the same one to save, hash and sign, and `cdmo` reads the exported document.
import type { TConstraintsInput, TProblemInput } from "../decision/portfolio-schema";
import { STAGES, type StageCode } from "../vendors/catalog";
import { derivedRisk } from "./risk";
import type { ScenarioSettings } from "./settings";

export type FactVendor = {
  /** The RFP invitation id: the vendor's id in the problem and in the evaluation. */
  id: string;
  name: string;
  qualityScore: number | null;
  /** The evaluation's weighted total (0-100), when the team's scores are visible to this user. */
  offerScore: number | null;
  /** The bundle discount the response offered, if any. */
  bundle: { minStages: number; rate: number } | null;
};

export type FactOffer = {
  vendorId: string;
  stageId: StageCode;
  price: number;
  durationWeeks: number;
  minWeeks?: number;
  maxWeeks?: number;
  includes?: string;
};

export type PortfolioFacts = {
  stages: StageCode[];
  vendors: FactVendor[];
  offers: FactOffer[];
};

export type RiskSource = "derived" | "override";
export type BundleSource = "response" | "team" | "none";

export type ProblemVendor = {
  id: string;
  name: string;
  estimate: boolean;
  annualRisk: number;
  riskSource: RiskSource;
  riskBasis: string;
  derivedRisk: number;
  bundle: { minStages: number; rate: number } | null;
  bundleSource: BundleSource;
  offerScore: number | null;
};

export type BuiltProblem = {
  problem: TProblemInput & { assumptions: ScenarioSettings["assumptions"] };
  vendors: ProblemVendor[];
  /** Stages nobody quoted and no estimate covers: the problem has no valid assignment until they are. */
  uncovered: StageCode[];
  /** Estimates that could not be used, with why (a vendor that already quoted the stage, a stage not in the programme). */
  ignored: { id: string; why: string }[];
};

export const stageName = (code: string) => STAGES.find((s) => s.code === code)?.label ?? code;

export function buildProblem(facts: PortfolioFacts, settings: ScenarioSettings): BuiltProblem {
  const inProgramme = new Set<string>(facts.stages);
  const vendors: ProblemVendor[] = [];
  const offers: TProblemInput["offers"] = [];
  const ignored: BuiltProblem["ignored"] = [];

  const vendorOf = (
    id: string,
    name: string,
    estimate: boolean,
    quality: number | null,
    offerScore: number | null,
    offered: FactVendor["bundle"],
  ) => {
    const d = derivedRisk(quality);
    const o = settings.risk[id];
    const edit = settings.bundles[id];
    const bundle = edit === undefined ? offered : edit;
    vendors.push({
      id,
      name,
      estimate,
      annualRisk: o ? o.annualRisk : d.annualRisk,
      riskSource: o ? "override" : "derived",
      riskBasis: o ? o.reason : d.basis,
      derivedRisk: d.annualRisk,
      bundle,
      bundleSource: edit !== undefined ? (edit ? "team" : "none") : offered ? "response" : "none",
      offerScore,
    });
  };

  for (const v of facts.vendors) vendorOf(v.id, v.name, false, v.qualityScore, v.offerScore, v.bundle);
  const known = new Set(facts.vendors.map((v) => v.id));
  for (const o of facts.offers) {
    if (!inProgramme.has(o.stageId) || !known.has(o.vendorId)) continue;
    const score = facts.vendors.find((v) => v.id === o.vendorId)?.offerScore ?? null;
    offers.push(offerOf(o.vendorId, o.stageId, o, score));
  }
  const quoted = new Set(offers.map((o) => `${o.vendorId}|${o.stageId}`));
  for (const e of settings.estimates) {
    if (!inProgramme.has(e.stageId)) {
      ignored.push({ id: e.id, why: `${stageName(e.stageId)} is not a stage of this programme.` });
      continue;
    }
    const vendorId = e.vendorId ?? e.id;
    if (e.vendorId !== null && !known.has(e.vendorId)) {
      ignored.push({ id: e.id, why: "The vendor it was for is no longer in the evaluation." });
      continue;
    }
    if (quoted.has(`${vendorId}|${e.stageId}`)) {
      ignored.push({ id: e.id, why: `The vendor has quoted ${stageName(e.stageId)}: its quote is used.` });
      continue;
    }
    if (e.vendorId === null) vendorOf(e.id, `${e.label} (estimate)`, true, null, null, null);
    quoted.add(`${vendorId}|${e.stageId}`);
    offers.push(offerOf(vendorId, e.stageId, e, null));
  }

  // Vendors with no offer on any programme stage add nothing but noise to the comparison.
  const offering = new Set(offers.map((o) => o.vendorId));
  const used = vendors.filter((v) => offering.has(v.id));
  const covered = new Set(offers.map((o) => o.stageId));
  return {
    problem: {
      stages: facts.stages.map((id) => ({ id, name: stageName(id), weight: 1 })),
      vendors: used.map((v) => ({
        id: v.id,
        name: v.name,
        annualDisruptionRisk: v.annualRisk,
        ...(v.bundle ? { bundleDiscount: { ...v.bundle } } : {}),
      })),
      offers,
      assumptions: { ...settings.assumptions },
    },
    vendors: used,
    uncovered: facts.stages.filter((s) => !covered.has(s)),
    ignored,
  };
}

function offerOf(
  vendorId: string,
  stageId: string,
  o: { price: number; durationWeeks: number; minWeeks?: number; maxWeeks?: number },
  score: number | null,
): TProblemInput["offers"][number] {
  // The response form checks min <= expected <= max; an estimate's schema does too. A range
  // that does not hold here is dropped rather than refused, so one odd figure cannot break the page.
  const min = o.minWeeks !== undefined && o.minWeeks <= o.durationWeeks ? o.minWeeks : undefined;
  const max = o.maxWeeks !== undefined && o.maxWeeks >= o.durationWeeks ? o.maxWeeks : undefined;
  return {
    vendorId,
    stageId,
    price: o.price,
    durationWeeks: o.durationWeeks,
    ...(min !== undefined ? { durationMinWeeks: min } : {}),
    ...(max !== undefined ? { durationMaxWeeks: max } : {}),
    ...(score !== null ? { score } : {}),
  };
}

/** The scenario's constraints in the decision core's terms, without ids the problem does not know. */
export function coreConstraints(built: BuiltProblem, c: ScenarioSettings["constraints"], topK = 10): TConstraintsInput {
  const ids = new Set(built.vendors.map((v) => v.id));
  const stages = new Set(built.problem.stages.map((s) => s.id));
  const locked = Object.fromEntries(Object.entries(c.locked).filter(([s, v]) => stages.has(s) && ids.has(v)));
  const excluded = c.excludedVendors.filter((v) => ids.has(v));
  return {
    topK,
    ...(c.maxVendors !== null ? { maxVendors: c.maxVendors } : {}),
    ...(c.budget !== null ? { budget: c.budget } : {}),
    ...(c.deadlineWeeks !== null ? { deadlineWeeks: c.deadlineWeeks } : {}),
    ...(c.minOfferScore !== null ? { minOfferScore: c.minOfferScore } : {}),
    ...(Object.keys(locked).length ? { locked } : {}),
    ...(excluded.length ? { excludedVendors: excluded } : {}),
  };
}
