import { parseOrThrow } from "./errors";
import { computeCore } from "./portfolio";
import { ZSimulateInput, type TSimulateInput } from "./portfolio-schema";
import { prepareProblem, resolveAssignment } from "./problem";
import { mulberry32, triangular } from "./prng";

/**
 * Monte Carlo of one assignment (spec section 5).
 *
 * Random numbers are drawn in a fixed order per iteration - stages in chain
 * order, then transfers in chain order, then vendors in first-appearance order -
 * so the stream, and therefore the output, depends only on the input and seed.
 * The chunked variant runs the same loop in slices and is byte-identical.
 *
 * Percentiles use linear interpolation between closest ranks (R type 7, numpy's
 * default): h = (N - 1) p, value = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 * The histogram has `bins` equal-width bins of the simulated duration from its
 * minimum to its maximum (one bin when every sample is equal); the last bin is
 * closed on the right.
 */
export interface Summary {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface SimulationResult {
  iterations: number;
  seed: number;
  durationWeeks: Summary;
  riskAdjustedCost: Summary;
  histogram: { from: number; to: number; count: number }[];
}

interface Plan {
  iterations: number;
  seed: number;
  bins: number;
  cost: number;
  cod: number;
  base: number; // onboarding + the fixed transfer times
  n: number;
  lo: Float64Array;
  mode: Float64Array;
  hi: Float64Array;
  ext: number;
  int: number;
  extRate: number;
  extPenalty: number;
  intRate: number;
  intPenalty: number;
  pDisrupt: Float64Array;
  disruptionDelay: Float64Array;
}

function plan(input: unknown): Plan {
  const parsed = parseOrThrow(ZSimulateInput, input);
  const p = prepareProblem(parsed.problem, ["problem"]);
  const asg = resolveAssignment(p, parsed.assignment, ["assignment"]);
  const core = computeCore(p, asg);
  const a = p.a;
  const lo = new Float64Array(p.n);
  const mode = new Float64Array(p.n);
  const hi = new Float64Array(p.n);
  for (let s = 0; s < p.n; s++) {
    const k = s * p.V + asg[s];
    lo[s] = p.durMin[k];
    mode[s] = p.dur[k];
    hi[s] = p.durMax[k];
  }
  return {
    iterations: parsed.iterations,
    seed: parsed.seed,
    bins: parsed.bins,
    cost: core.cost,
    cod: a.costOfDelayPerWeek,
    base:
      a.onboardingWeeks +
      core.externalTransfers * a.externalTransferWeeks +
      core.internalTransfers * a.internalTransferWeeks,
    n: p.n,
    lo,
    mode,
    hi,
    ext: core.externalTransfers,
    int: core.internalTransfers,
    extRate: a.externalTransferFailureRate,
    extPenalty: a.externalTransferWeeks / 2,
    intRate: a.internalTransferFailureRate,
    intPenalty: a.internalTransferWeeks,
    pDisrupt: Float64Array.from(core.pDisrupt),
    disruptionDelay: Float64Array.from(core.stages, (k) => a.disruptionDelayWeeks + (k - 1) * a.externalTransferWeeks),
  };
}

/** Fills durations[from, to) continuing the given random stream. */
function runSlice(pl: Plan, rnd: () => number, durations: Float64Array, from: number, to: number): void {
  for (let it = from; it < to; it++) {
    let d = pl.base;
    for (let s = 0; s < pl.n; s++) d += triangular(rnd(), pl.lo[s], pl.mode[s], pl.hi[s]);
    for (let t = 0; t < pl.ext; t++) if (rnd() < pl.extRate) d += pl.extPenalty;
    for (let t = 0; t < pl.int; t++) if (rnd() < pl.intRate) d += pl.intPenalty;
    for (let j = 0; j < pl.pDisrupt.length; j++) if (rnd() < pl.pDisrupt[j]) d += pl.disruptionDelay[j];
    durations[it] = d;
  }
}

function percentile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

function summarise(pl: Plan, durations: Float64Array): SimulationResult {
  const N = durations.length;
  let sumD = 0;
  let sumR = 0;
  for (let i = 0; i < N; i++) {
    sumD += durations[i];
    sumR += pl.cost + pl.cod * durations[i];
  }
  const sorted = Float64Array.from(durations).sort();
  // riskAdjustedCost is an increasing affine map of duration (costOfDelayPerWeek >= 0), so its
  // order statistics are the mapped duration ones.
  const toRisk = (d: number): number => pl.cost + pl.cod * d;
  const dq = { p10: percentile(sorted, 0.1), p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
  const min = sorted[0];
  const max = sorted[N - 1];
  const bins = max > min ? pl.bins : 1;
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < N; i++) {
    const b = width > 0 ? Math.min(bins - 1, Math.floor((durations[i] - min) / width)) : 0;
    counts[b]++;
  }
  return {
    iterations: N,
    seed: pl.seed,
    durationWeeks: { mean: sumD / N, ...dq },
    riskAdjustedCost: { mean: sumR / N, p10: toRisk(dq.p10), p50: toRisk(dq.p50), p90: toRisk(dq.p90) },
    histogram: counts.map((count, b) => ({
      from: min + b * width,
      to: b === bins - 1 ? max : min + (b + 1) * width,
      count,
    })),
  };
}

export function simulate(input: TSimulateInput): SimulationResult {
  const pl = plan(input);
  const durations = new Float64Array(pl.iterations);
  runSlice(pl, mulberry32(pl.seed), durations, 0, pl.iterations);
  return summarise(pl, durations);
}

export interface ChunkOptions {
  /** Iterations per slice between yields to the event loop (default 5000). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Same result as `simulate`, computed in slices with a macrotask yield between
 * them so a server or UI thread stays responsive. Rejects with the signal's
 * reason when aborted.
 */
export async function simulateChunked(input: TSimulateInput, options: ChunkOptions = {}): Promise<SimulationResult> {
  const pl = plan(input);
  const chunk = Math.max(1, Math.floor(options.chunkSize ?? 5000));
  const durations = new Float64Array(pl.iterations);
  const rnd = mulberry32(pl.seed);
  for (let done = 0; done < pl.iterations;) {
    options.signal?.throwIfAborted();
    const to = Math.min(pl.iterations, done + chunk);
    runSlice(pl, rnd, durations, done, to);
    done = to;
    options.onProgress?.(done, pl.iterations);
    if (done < pl.iterations) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  options.signal?.throwIfAborted();
  return summarise(pl, durations);
}
