/**
 * Test-only reference implementations, written straight from the spec rules
 * and deliberately naive: a plain-object evaluator, a brute-force optimiser
 * over every assignment, and the analytic Monte Carlo mean.
 */
import { computeCore, type CoreMetrics } from "./portfolio";
import { ZConstraints, ZProblem, type TConstraintsInput, type TProblem, type TProblemInput } from "./portfolio-schema";
import { prepareProblem, type PreparedProblem } from "./problem";

export interface NaiveMetrics {
  cost: number;
  durationWeeks: number;
  expectedDisruptionDelayWeeks: number;
  riskAdjustedCost: number;
  vendorCount: number;
  disruptionProbability: number;
  concentrationHHI: number | null;
  qualityScore: number | null;
}

const offerOf = (p: TProblem, stageId: string, vendorId: string) =>
  p.offers.find((o) => o.stageId === stageId && o.vendorId === vendorId)!;

/** vendors[i] is the vendor id of stage i. */
export function naiveEvaluate(p: TProblem, vendors: string[]): NaiveMetrics {
  const a = p.assumptions;
  const distinct = [...new Set(vendors)];
  let ext = 0;
  for (let i = 0; i + 1 < vendors.length; i++) if (vendors[i] !== vendors[i + 1]) ext++;
  const int = vendors.length - 1 - ext;
  const per = distinct.map((v) => {
    const vendor = p.vendors.find((x) => x.id === v)!;
    const mine = p.stages.map((s, i) => (vendors[i] === v ? offerOf(p, s.id, v) : null)).filter((o) => o !== null);
    const list = mine.reduce((t, o) => t + o.price, 0);
    const bd = vendor.bundleDiscount;
    const price = bd && mine.length >= bd.minStages ? list * (1 - bd.rate) : list;
    const exposure = mine.reduce((t, o) => t + o.durationWeeks, 0);
    const pd = 1 - Math.pow(1 - vendor.annualDisruptionRisk, exposure / 52);
    return { price, pd, stages: mine.length };
  });
  const priceSum = per.reduce((t, x) => t + x.price, 0);
  const cost =
    priceSum + ext * a.externalTransferCost + int * a.internalTransferCost + distinct.length * a.vendorOverheadCost;
  const durations = p.stages.reduce((t, s, i) => t + offerOf(p, s.id, vendors[i]).durationWeeks, 0);
  const durationWeeks = a.onboardingWeeks + durations + ext * a.externalTransferWeeks + int * a.internalTransferWeeks;
  const edd = per.reduce((t, x) => t + x.pd * (a.disruptionDelayWeeks + (x.stages - 1) * a.externalTransferWeeks), 0);
  let qw = 0;
  let qs = 0;
  p.stages.forEach((s, i) => {
    const sc = offerOf(p, s.id, vendors[i]).score;
    if (sc === undefined) return;
    qw += s.weight;
    qs += s.weight * sc;
  });
  return {
    cost,
    durationWeeks,
    expectedDisruptionDelayWeeks: edd,
    riskAdjustedCost: cost + a.costOfDelayPerWeek * (durationWeeks + edd),
    vendorCount: distinct.length,
    disruptionProbability: 1 - per.reduce((t, x) => t * (1 - x.pd), 1),
    concentrationHHI: priceSum > 0 ? per.reduce((t, x) => t + (x.price / priceSum) ** 2, 0) : null,
    qualityScore: qw > 0 ? qs / qw : null,
  };
}

/** Analytic mean of the simulated duration, from the section 5 rules. */
export function analyticMeanDuration(p: TProblem, vendors: string[]): number {
  const a = p.assumptions;
  let mean = a.onboardingWeeks;
  p.stages.forEach((s, i) => {
    const o = offerOf(p, s.id, vendors[i]);
    const lo = o.durationMinWeeks ?? 0.85 * o.durationWeeks;
    const hi = o.durationMaxWeeks ?? 1.5 * o.durationWeeks;
    mean += (lo + o.durationWeeks + hi) / 3;
  });
  for (let i = 0; i + 1 < vendors.length; i++) {
    mean +=
      vendors[i] !== vendors[i + 1]
        ? a.externalTransferWeeks + a.externalTransferFailureRate * (a.externalTransferWeeks / 2)
        : a.internalTransferWeeks + a.internalTransferFailureRate * a.internalTransferWeeks;
  }
  for (const v of new Set(vendors)) {
    const vendor = p.vendors.find((x) => x.id === v)!;
    const idx = vendors.map((x, i) => (x === v ? i : -1)).filter((i) => i >= 0);
    const exposure = idx.reduce((t, i) => t + offerOf(p, p.stages[i].id, v).durationWeeks, 0);
    const pd = 1 - Math.pow(1 - vendor.annualDisruptionRisk, exposure / 52);
    mean += pd * (a.disruptionDelayWeeks + (idx.length - 1) * a.externalTransferWeeks);
  }
  return mean;
}

export interface BruteEntry {
  vendors: string[];
  core: CoreMetrics;
}

/** Every valid assignment, in stage order, as vendor index arrays. */
function* allAssignments(p: PreparedProblem): Generator<Int32Array> {
  const asg = new Int32Array(p.n);
  function* rec(s: number): Generator<Int32Array> {
    if (s === p.n) {
      yield asg;
      return;
    }
    for (let v = 0; v < p.V; v++) {
      if (!p.hasOffer[s * p.V + v]) continue;
      asg[s] = v;
      yield* rec(s + 1);
    }
  }
  yield* rec(0);
}

export type Shape = "any" | "integrated" | "specialized";

/** Brute force: all feasible assignments sorted by the spec's objective and tie-breaks. */
export function bruteForce(
  problemInput: TProblemInput,
  constraintsInput: TConstraintsInput,
  shape: Shape = "any",
): BruteEntry[] {
  const prob = ZProblem.parse(problemInput);
  const c = ZConstraints.parse(constraintsInput);
  const p = prepareProblem(prob, []);
  const out: BruteEntry[] = [];
  for (const asg of allAssignments(p)) {
    const vendors = Array.from(asg, (v) => p.vendorIds[v]);
    const distinct = new Set(vendors).size;
    if (shape === "integrated" && distinct !== 1) continue;
    if (shape === "specialized" && (distinct !== p.n || p.n < 2)) continue;
    if (shape === "any" && c.maxVendors !== undefined && distinct > c.maxVendors) continue;
    if (vendors.some((v) => c.excludedVendors?.includes(v))) continue;
    if (Object.entries(c.locked ?? {}).some(([s, v]) => vendors[p.stageIndex.get(s)!] !== v)) continue;
    if (c.minOfferScore !== undefined) {
      const min = c.minOfferScore;
      if (vendors.some((_, s) => !(p.score[s * p.V + asg[s]] >= min))) continue;
    }
    const core = computeCore(p, asg);
    if (c.budget !== undefined && core.cost > c.budget) continue;
    if (c.deadlineWeeks !== undefined && core.durationWeeks > c.deadlineWeeks) continue;
    out.push({ vendors, core });
  }
  out.sort((x, y) => {
    const a = x.core;
    const b = y.core;
    if (a.riskAdjustedCost !== b.riskAdjustedCost) return a.riskAdjustedCost - b.riskAdjustedCost;
    if (a.cost !== b.cost) return a.cost - b.cost;
    if (a.durationWeeks !== b.durationWeeks) return a.durationWeeks - b.durationWeeks;
    for (let i = 0; i < x.vendors.length; i++) {
      if (x.vendors[i] !== y.vendors[i]) return x.vendors[i] < y.vendors[i] ? -1 : 1;
    }
    return 0;
  });
  return out;
}
