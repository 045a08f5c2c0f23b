import { DecisionError, type DecisionPath } from "./errors";
import type { TAssignment, TAssumptions, TProblem } from "./portfolio-schema";

/**
 * A validated problem compiled into flat typed arrays, indexed `s * V + v`
 * (stage s, vendor v). Everything downstream (evaluation, optimiser,
 * simulation) works on indices; ids come back only in results.
 */
export interface PreparedProblem {
  n: number;
  V: number;
  stageIds: string[];
  vendorIds: string[];
  stageIndex: Map<string, number>;
  vendorIndex: Map<string, number>;
  stageWeight: Float64Array;
  /** Annual disruption risk per vendor. */
  risk: Float64Array;
  /** Bundle discount threshold per vendor; 0 = no bundle discount. */
  bundleMin: Int32Array;
  bundleRate: Float64Array;
  hasOffer: Uint8Array;
  price: Float64Array;
  dur: Float64Array;
  durMin: Float64Array;
  durMax: Float64Array;
  /** NaN when the offer has no score. */
  score: Float64Array;
  /** Position of each vendor id in code-unit sort order, for the lexicographic tie-break. */
  vendorRank: Int32Array;
  a: TAssumptions;
}

function indexIds(items: { id: string }[], path: DecisionPath, what: string): Map<string, number> {
  const m = new Map<string, number>();
  items.forEach((it, i) => {
    if (m.has(it.id)) throw new DecisionError("INVALID_INPUT", `duplicate ${what} id "${it.id}"`, [...path, i, "id"]);
    m.set(it.id, i);
  });
  return m;
}

/** `path` is where the problem sits in the caller's input, e.g. ["problem"]. */
export function prepareProblem(p: TProblem, path: DecisionPath): PreparedProblem {
  const stageIndex = indexIds(p.stages, [...path, "stages"], "stage");
  const vendorIndex = indexIds(p.vendors, [...path, "vendors"], "vendor");
  const n = p.stages.length;
  const V = p.vendors.length;
  const size = n * V;
  const prep: PreparedProblem = {
    n,
    V,
    stageIds: p.stages.map((s) => s.id),
    vendorIds: p.vendors.map((v) => v.id),
    stageIndex,
    vendorIndex,
    stageWeight: Float64Array.from(p.stages, (s) => s.weight),
    risk: Float64Array.from(p.vendors, (v) => v.annualDisruptionRisk),
    bundleMin: Int32Array.from(p.vendors, (v) => (v.bundleDiscount ? v.bundleDiscount.minStages : 0)),
    bundleRate: Float64Array.from(p.vendors, (v) => (v.bundleDiscount ? v.bundleDiscount.rate : 0)),
    hasOffer: new Uint8Array(size),
    price: new Float64Array(size),
    dur: new Float64Array(size),
    durMin: new Float64Array(size),
    durMax: new Float64Array(size),
    score: new Float64Array(size).fill(NaN),
    vendorRank: new Int32Array(V),
    a: p.assumptions,
  };
  p.offers.forEach((o, i) => {
    const at = [...path, "offers", i];
    const v = vendorIndex.get(o.vendorId);
    if (v === undefined)
      throw new DecisionError("UNKNOWN_ID", `offer names unknown vendor "${o.vendorId}"`, [...at, "vendorId"]);
    const s = stageIndex.get(o.stageId);
    if (s === undefined)
      throw new DecisionError("UNKNOWN_ID", `offer names unknown stage "${o.stageId}"`, [...at, "stageId"]);
    const k = s * V + v;
    if (prep.hasOffer[k]) {
      throw new DecisionError("INVALID_INPUT", `vendor "${o.vendorId}" has two offers for stage "${o.stageId}"`, at);
    }
    prep.hasOffer[k] = 1;
    prep.price[k] = o.price;
    prep.dur[k] = o.durationWeeks;
    // Spec section 5 defaults: triangular(0.85 d, d, 1.5 d) unless the offer says otherwise.
    prep.durMin[k] = o.durationMinWeeks ?? 0.85 * o.durationWeeks;
    prep.durMax[k] = o.durationMaxWeeks ?? 1.5 * o.durationWeeks;
    if (o.score !== undefined) prep.score[k] = o.score;
  });
  const order = prep.vendorIds.map((_, i) => i).sort((x, y) => (prep.vendorIds[x] < prep.vendorIds[y] ? -1 : 1));
  order.forEach((v, r) => (prep.vendorRank[v] = r));
  return prep;
}

/**
 * Turns `{ stageId: vendorId }` into a vendor index per stage, in stage order.
 * Errors: unknown stage or vendor (UNKNOWN_ID), a missing stage or a vendor
 * without an offer for the stage (INVALID_ASSIGNMENT).
 */
export function resolveAssignment(p: PreparedProblem, asg: TAssignment, path: DecisionPath): Int32Array {
  const out = new Int32Array(p.n).fill(-1);
  for (const [stageId, vendorId] of Object.entries(asg)) {
    const s = p.stageIndex.get(stageId);
    if (s === undefined)
      throw new DecisionError("UNKNOWN_ID", `assignment names unknown stage "${stageId}"`, [...path, stageId]);
    const v = p.vendorIndex.get(vendorId);
    if (v === undefined)
      throw new DecisionError("UNKNOWN_ID", `assignment names unknown vendor "${vendorId}"`, [...path, stageId]);
    if (!p.hasOffer[s * p.V + v]) {
      throw new DecisionError("INVALID_ASSIGNMENT", `vendor "${vendorId}" has no offer for stage "${stageId}"`, [
        ...path,
        stageId,
      ]);
    }
    out[s] = v;
  }
  for (let s = 0; s < p.n; s++) {
    if (out[s] < 0) {
      throw new DecisionError("INVALID_ASSIGNMENT", `stage "${p.stageIds[s]}" has no vendor assigned`, [
        ...path,
        p.stageIds[s],
      ]);
    }
  }
  return out;
}

export function assignmentRecord(p: PreparedProblem, asg: ArrayLike<number>): Record<string, string> {
  const rec: Record<string, string> = {};
  for (let s = 0; s < p.n; s++) rec[p.stageIds[s]] = p.vendorIds[asg[s]];
  return rec;
}

/** pDisrupt = 1 - (1 - r)^(exposureWeeks / 52). */
export function disruptionProbability(annualRisk: number, exposureWeeks: number): number {
  return 1 - Math.pow(1 - annualRisk, exposureWeeks / 52);
}
