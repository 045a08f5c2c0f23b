import { parseOrThrow } from "./errors";
import { ZEvaluateInput, type TEvaluateInput } from "./portfolio-schema";
import {
  assignmentRecord,
  disruptionProbability,
  prepareProblem,
  resolveAssignment,
  type PreparedProblem,
} from "./problem";

/**
 * Portfolio metrics (spec section 3). `computeCore` is the single definition of
 * the numbers: evaluate, the optimiser and the tests' brute force all call it,
 * so equal assignments always give bit-identical floats and tie-breaks agree.
 * Summation order: vendors in order of first appearance along the chain.
 */
export type Archetype = "integrated" | "specialized" | "hybrid";

export interface VendorBreakdown {
  vendorId: string;
  stages: number;
  /** Sum of the offer prices before any bundle discount. */
  listPrice: number;
  vendorPrice: number;
  discounted: boolean;
  exposureWeeks: number;
  pDisrupt: number;
  /** vendorPrice / sum of vendorPrice; null when every price is 0. */
  share: number | null;
}

export interface PortfolioMetrics {
  assignment: Record<string, string>;
  /** Vendor ids in stage order. */
  vendorsInStageOrder: string[];
  archetype: Archetype;
  vendorCount: number;
  externalTransfers: number;
  internalTransfers: number;
  cost: number;
  durationWeeks: number;
  disruptionProbability: number;
  expectedDisruptionDelayWeeks: number;
  /** null when the sum of vendor prices is 0 (shares are undefined). */
  concentrationHHI: number | null;
  largestVendorShare: number | null;
  qualityScore: number | null;
  riskAdjustedCost: number;
  vendors: VendorBreakdown[];
}

export interface CoreMetrics {
  cost: number;
  durationWeeks: number;
  expectedDisruptionDelayWeeks: number;
  riskAdjustedCost: number;
  vendorCount: number;
  externalTransfers: number;
  internalTransfers: number;
  /** Distinct vendors in first-appearance order, with their per-vendor figures. */
  used: number[];
  stages: number[];
  listPrice: number[];
  vendorPrice: number[];
  exposure: number[];
  pDisrupt: number[];
}

export function computeCore(p: PreparedProblem, asg: ArrayLike<number>): CoreMetrics {
  const { n, V, a } = p;
  const used: number[] = [];
  const stages: number[] = [];
  const listPrice: number[] = [];
  const exposure: number[] = [];
  let durSum = 0;
  let ext = 0;
  for (let s = 0; s < n; s++) {
    const v = asg[s];
    const k = s * V + v;
    let j = used.indexOf(v);
    if (j < 0) {
      j = used.length;
      used.push(v);
      stages.push(0);
      listPrice.push(0);
      exposure.push(0);
    }
    stages[j] += 1;
    listPrice[j] += p.price[k];
    exposure[j] += p.dur[k];
    durSum += p.dur[k];
    if (s > 0 && asg[s - 1] !== v) ext++;
  }
  const int = n - 1 - ext;
  const vendorPrice: number[] = [];
  const pDisrupt: number[] = [];
  let priceSum = 0;
  let edd = 0;
  for (let j = 0; j < used.length; j++) {
    const v = used[j];
    const discounted = p.bundleMin[v] > 0 && stages[j] >= p.bundleMin[v];
    const vp = discounted ? listPrice[j] * (1 - p.bundleRate[v]) : listPrice[j];
    vendorPrice.push(vp);
    priceSum += vp;
    const pd = disruptionProbability(p.risk[v], exposure[j]);
    pDisrupt.push(pd);
    edd += pd * (a.disruptionDelayWeeks + (stages[j] - 1) * a.externalTransferWeeks);
  }
  const cost =
    priceSum + ext * a.externalTransferCost + int * a.internalTransferCost + used.length * a.vendorOverheadCost;
  const durationWeeks = a.onboardingWeeks + durSum + ext * a.externalTransferWeeks + int * a.internalTransferWeeks;
  return {
    cost,
    durationWeeks,
    expectedDisruptionDelayWeeks: edd,
    riskAdjustedCost: cost + a.costOfDelayPerWeek * (durationWeeks + edd),
    vendorCount: used.length,
    externalTransfers: ext,
    internalTransfers: int,
    used,
    stages,
    listPrice,
    vendorPrice,
    exposure,
    pDisrupt,
  };
}

export function archetypeOf(vendorCount: number, n: number): Archetype {
  if (vendorCount === 1) return "integrated";
  return vendorCount === n ? "specialized" : "hybrid";
}

export function computeMetrics(p: PreparedProblem, asg: ArrayLike<number>): PortfolioMetrics {
  const c = computeCore(p, asg);
  let priceSum = 0;
  for (const x of c.vendorPrice) priceSum += x;
  let noSurvive = 1;
  for (const pd of c.pDisrupt) noSurvive *= 1 - pd;
  let hhi: number | null = null;
  let largest: number | null = null;
  if (priceSum > 0) {
    hhi = 0;
    largest = 0;
    for (const x of c.vendorPrice) {
      const share = x / priceSum;
      hhi += share * share;
      largest = Math.max(largest, share);
    }
  }
  // Quality: stage-weighted mean of offer scores over the stages whose offer has one.
  let qw = 0;
  let qs = 0;
  for (let s = 0; s < p.n; s++) {
    const sc = p.score[s * p.V + asg[s]];
    if (Number.isNaN(sc)) continue;
    qw += p.stageWeight[s];
    qs += p.stageWeight[s] * sc;
  }
  const vendorsInStageOrder: string[] = [];
  for (let s = 0; s < p.n; s++) vendorsInStageOrder.push(p.vendorIds[asg[s]]);
  return {
    assignment: assignmentRecord(p, asg),
    vendorsInStageOrder,
    archetype: archetypeOf(c.vendorCount, p.n),
    vendorCount: c.vendorCount,
    externalTransfers: c.externalTransfers,
    internalTransfers: c.internalTransfers,
    cost: c.cost,
    durationWeeks: c.durationWeeks,
    disruptionProbability: 1 - noSurvive,
    expectedDisruptionDelayWeeks: c.expectedDisruptionDelayWeeks,
    concentrationHHI: hhi,
    largestVendorShare: largest,
    // With all stage weights 0 the weighted mean is undefined: null, like "no score".
    qualityScore: qw > 0 ? qs / qw : null,
    riskAdjustedCost: c.riskAdjustedCost,
    vendors: c.used.map((v, j) => ({
      vendorId: p.vendorIds[v],
      stages: c.stages[j],
      listPrice: c.listPrice[j],
      vendorPrice: c.vendorPrice[j],
      discounted: p.bundleMin[v] > 0 && c.stages[j] >= p.bundleMin[v],
      exposureWeeks: c.exposure[j],
      pDisrupt: c.pDisrupt[j],
      share: priceSum > 0 ? c.vendorPrice[j] / priceSum : null,
    })),
  };
}

/** Evaluate one assignment: `{ problem, assignment }` -> every metric of section 3. */
export function evaluatePortfolio(input: TEvaluateInput): PortfolioMetrics {
  const parsed = parseOrThrow(ZEvaluateInput, input);
  const p = prepareProblem(parsed.problem, ["problem"]);
  const asg = resolveAssignment(p, parsed.assignment, ["assignment"]);
  return computeMetrics(p, asg);
}
