/**
 * Test-only: seeded random portfolio problems and constraints up to 5 stages x
 * 5 vendors, for the property tests (fast-check supplies the seeds). Kept free
 * of fast-check so it obeys the core's "nothing but zod" import rule.
 *
 * `tieProne` draws prices and durations from a few round values so exact ties
 * (and the tie-breaks) are common; assumptions are sometimes the defaults,
 * sometimes cheap or odd (internal transfers dearer than external).
 */
import type { TConstraintsInput, TProblemInput } from "./portfolio-schema";

type Rnd = () => number;
const int = (rnd: Rnd, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const chance = (rnd: Rnd, p: number): boolean => rnd() < p;

/** Ids whose code-unit order differs from index order exercise the lexicographic tie-break. */
export const RANDOM_VENDOR_IDS = ["b", "a", "B", "aa", "c"] as const;

export interface RandomProblemOptions {
  maxStages?: number;
  maxVendors?: number;
  tieProne?: boolean;
  /** Probability that a (vendor, stage) pair has an offer. */
  density?: number;
}

export function randomProblem(rnd: Rnd, opts: RandomProblemOptions = {}): TProblemInput {
  const n = int(rnd, 1, opts.maxStages ?? 5);
  const V = int(rnd, 1, opts.maxVendors ?? 5);
  const density = opts.density ?? 0.75;
  const problem: TProblemInput = {
    stages: Array.from({ length: n }, (_, s) => ({ id: `s${s}`, weight: int(rnd, 0, 3) })),
    vendors: Array.from({ length: V }, (_, i) => ({
      id: RANDOM_VENDOR_IDS[i],
      annualDisruptionRisk: pick(rnd, [0, 1, rnd() * 0.5, rnd() * 0.1]),
      ...(chance(rnd, 0.4) ? { bundleDiscount: { minStages: int(rnd, 1, 4), rate: rnd() * 0.5 } } : {}),
    })),
    offers: [],
  };
  for (let s = 0; s < n; s++) {
    for (let v = 0; v < V; v++) {
      if (!chance(rnd, density)) continue;
      const score = chance(rnd, 0.7) ? int(rnd, 0, 100) : undefined;
      problem.offers.push({
        vendorId: RANDOM_VENDOR_IDS[v],
        stageId: `s${s}`,
        price: opts.tieProne ? pick(rnd, [0, 100_000, 200_000, 300_000]) : int(rnd, 0, 3_000_000),
        durationWeeks: opts.tieProne ? pick(rnd, [0, 10, 20]) : int(rnd, 0, 60),
        ...(score !== undefined ? { score } : {}),
      });
    }
  }
  if (chance(rnd, 0.5)) {
    problem.assumptions = {
      externalTransferWeeks: int(rnd, 0, 12),
      externalTransferCost: int(rnd, 0, 300_000),
      internalTransferWeeks: int(rnd, 0, 12),
      internalTransferCost: int(rnd, 0, 300_000),
      vendorOverheadCost: int(rnd, 0, 300_000),
      onboardingWeeks: int(rnd, 0, 10),
      disruptionDelayWeeks: int(rnd, 0, 52),
      costOfDelayPerWeek: pick(rnd, [0, 10_000, 500_000]),
      externalTransferFailureRate: rnd(),
      internalTransferFailureRate: rnd(),
    };
  }
  return problem;
}

/** Every constraint kind appears, each about half the time. */
export function randomConstraints(rnd: Rnd, problem: TProblemInput): TConstraintsInput {
  const c: TConstraintsInput = {};
  if (chance(rnd, 0.5)) c.maxVendors = int(rnd, 1, 5);
  if (chance(rnd, 0.5)) c.budget = int(rnd, 0, 12_000_000);
  if (chance(rnd, 0.5)) c.deadlineWeeks = int(rnd, 0, 300);
  if (chance(rnd, 0.5)) c.minOfferScore = int(rnd, 0, 100);
  if (chance(rnd, 0.5)) {
    c.locked = {};
    for (let i = int(rnd, 0, 2); i > 0; i--) c.locked[pick(rnd, problem.stages).id] = pick(rnd, problem.vendors).id;
  }
  if (chance(rnd, 0.5)) {
    c.excludedVendors = [...new Set(Array.from({ length: int(rnd, 0, 2) }, () => pick(rnd, problem.vendors).id))];
  }
  if (chance(rnd, 0.5)) c.topK = int(rnd, 1, 8);
  return c;
}

/** A random valid assignment (vendor id per stage), or null when some stage has no offer. */
export function randomAssignment(rnd: Rnd, problem: TProblemInput): string[] | null {
  const out: string[] = [];
  for (const s of problem.stages) {
    const offers = problem.offers.filter((o) => o.stageId === s.id);
    if (offers.length === 0) return null;
    out.push(pick(rnd, offers).vendorId);
  }
  return out;
}

/**
 * A larger problem shaped like the benchmarks' "specialists" profile: every
 * offer independently cheap or dear, cheap quick transfers, so the optimum
 * wants many vendors and maxVendors binds. Vendor ids are zero-padded so that
 * their code-unit order differs from index order only through `reverse`.
 */
export function randomSpecialistsProblem(rnd: Rnd, stages: number, vendors: number, density = 1): TProblemInput {
  const ids = Array.from({ length: vendors }, (_, v) => `v${String(vendors - v).padStart(3, "0")}`);
  const base = Array.from({ length: stages }, () => ({ price: int(rnd, 300, 3000) * 1000, weeks: int(rnd, 8, 40) }));
  const problem: TProblemInput = {
    stages: base.map((_, s) => ({ id: `s${s}` })),
    vendors: ids.map((id) => ({
      id,
      annualDisruptionRisk: Math.round((0.01 + 0.07 * rnd()) * 1000) / 1000,
      ...(chance(rnd, 0.35) ? { bundleDiscount: { minStages: int(rnd, 2, 4), rate: 0.03 + 0.09 * rnd() } } : {}),
    })),
    offers: [],
    assumptions: {
      externalTransferWeeks: 1,
      externalTransferCost: 20_000,
      internalTransferWeeks: 0.5,
      internalTransferCost: 5_000,
      vendorOverheadCost: 20_000,
      costOfDelayPerWeek: 100_000,
    },
  };
  base.forEach((b, s) => {
    ids.forEach((id) => {
      if (density < 1 && !chance(rnd, density)) return;
      problem.offers.push({
        vendorId: id,
        stageId: `s${s}`,
        price: Math.round((b.price * (0.6 + 0.8 * rnd())) / 1000) * 1000,
        durationWeeks: Math.max(1, Math.round(b.weeks * (0.6 + 0.8 * rnd()))),
        score: int(rnd, 50, 95),
      });
    });
  });
  return problem;
}
