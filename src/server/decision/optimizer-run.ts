/**
 * Run control for the optimiser: a time budget, cancellation and progress.
 * Pure (no Node or DOM API beyond an optional `performance.now`), so the same
 * code runs in the server and in a browser Web Worker.
 *
 * The searches do not look at the clock per node: they call `poll` after about
 * `pollEvery` units of work (POLL_EVERY bounds evaluated, around a millisecond;
 * tests pass a smaller power of two): child bounds in the chain search, vendor
 * sets in the set enumeration, 1/64 as many Hungarian nodes in bestSpecialized,
 * and once per multiplier iteration (with no work). `poll` asks `shouldStop`,
 * reads the clock and, at most every PROGRESS_EVERY_MS, reports progress. Once
 * it has said stop it keeps saying so, so every later phase stops at its first
 * poll too. Work before the first poll (parsing, bestIntegrated, the bound
 * tables) is not interruptible: tens of milliseconds on a cold first call.
 */
export interface OptimizeProgress {
  /** Work so far: search nodes bounded (and vendor sets screened). */
  nodes: number;
  elapsedMs: number;
  /** riskAdjustedCost of the best feasible portfolio found so far. */
  bestRiskAdjustedCost: number | null;
  /** A lower bound on the best feasible riskAdjustedCost known so far (null before the first). */
  lowerBound: number | null;
}

export interface OptimizeRunOptions {
  /** Stop after about this many milliseconds (measured with `now` from the call) and return what was found. */
  timeBudgetMs?: number;
  /** Called at most every PROGRESS_EVERY_MS while the search runs. */
  onProgress?: (progress: OptimizeProgress) => void;
  /** Polled with the clock; returning true cancels the run, which returns what was found. */
  shouldStop?: () => boolean;
  /** Milliseconds; defaults to performance.now (Date.now where there is none). */
  now?: () => number;
}

export type StopReason = "time" | "cancelled";

/** Units of work (bounds) between two polls. */
export const POLL_EVERY = 4096;
export const PROGRESS_EVERY_MS = 100;

const defaultNow = (): number =>
  typeof performance !== "undefined" && typeof performance.now === "function" ? performance.now() : Date.now();

export class RunClock {
  nodes = 0;
  stopped: StopReason | null = null;
  /** Kept current by the optimiser for progress reports. */
  best: () => number | null = () => null;
  lowerBound: number | null = null;
  private readonly now: () => number;
  private readonly start: number;
  private lastProgress: number;
  /** End of the current phase's share of the budget (see `phase`). */
  private phaseEnd = Infinity;

  /** pollEvery - 1: the vendor-set enumeration polls when `(sets & pollMask) === 0`. */
  readonly pollMask: number;

  /** `pollEvery` must be a power of two. */
  constructor(
    private readonly options: OptimizeRunOptions,
    readonly pollEvery = POLL_EVERY,
  ) {
    this.pollMask = pollEvery - 1;
    this.now = options.now ?? defaultNow;
    this.start = this.now();
    this.lastProgress = this.start;
  }

  elapsed(): number {
    return this.now() - this.start;
  }

  /** Adds `work` nodes; true when the run must stop (cancelled, or the budget is spent). */
  poll(work: number): boolean {
    this.nodes += work;
    if (this.stopped !== null) return true;
    const t = this.now();
    const { shouldStop, timeBudgetMs, onProgress } = this.options;
    if (shouldStop?.()) this.stopped = "cancelled";
    else if (timeBudgetMs !== undefined && t - this.start >= timeBudgetMs) this.stopped = "time";
    if (onProgress && this.stopped === null && t - this.lastProgress >= PROGRESS_EVERY_MS) {
      this.lastProgress = t;
      const best = this.best();
      const lb = this.lowerBound;
      onProgress({
        nodes: this.nodes,
        elapsedMs: t - this.start,
        bestRiskAdjustedCost: best,
        lowerBound: lb === null || best === null ? lb : Math.min(lb, best),
      });
    }
    return this.stopped !== null || t >= this.phaseEnd;
  }

  /**
   * Runs `fn` with at most `share` of the time budget: its searches see a stop
   * when the share is spent, but the run goes on (the share's end is not sticky).
   */
  phase<T>(share: number, fn: () => T): T {
    const saved = this.phaseEnd;
    const { timeBudgetMs } = this.options;
    if (timeBudgetMs !== undefined) this.phaseEnd = Math.min(saved, this.now() + share * timeBudgetMs);
    try {
      return fn();
    } finally {
      this.phaseEnd = saved;
    }
  }
}
