/**
 * Public API of the decision core: pure functions, zod-validated inputs,
 * DecisionError (code, message, JSON path) on bad input. Nothing here touches a
 * database or the network, and only optimizePortfolio reads a clock, when its
 * caller gives it run options (a time budget; `now` can be supplied too).
 */
export { DecisionError, isDecisionError, type DecisionErrorCode, type DecisionPath } from "./errors";
export * from "./schemas";
export {
  computeScorecard,
  priceAutoScores,
  compareVendors,
  DISAGREEMENT_THRESHOLD,
  type ScorecardResult,
  type VendorScore,
  type LeafResult,
  type PriceAutoScore,
} from "./scorecard";
export { analyzeSensitivity, type SensitivityResult, type WeightInterval } from "./sensitivity";
export { computeAcceptability, type AcceptabilityResult, type AcceptabilityVendor } from "./acceptability";
export { prepareRerank, rerank, type PreparedRerank, type RerankResult, type RerankVendor } from "./rerank";
export { evaluatePortfolio, type PortfolioMetrics, type VendorBreakdown, type Archetype } from "./portfolio";
export { optimizePortfolio, type OptimizeResult } from "./optimizer";
export type { OptimizeRunOptions, OptimizeProgress, StopReason } from "./optimizer-run";
export type { InfeasibleReason, ConstraintName } from "./optimizer-infeasible";
export { simulate, simulateChunked, type SimulationResult, type Summary, type ChunkOptions } from "./simulation";
export {
  computeQualityScore,
  qualityDecay,
  QUALITY_FORMULA,
  QUALITY_HALF_LIFE_YEARS,
  INSPECTION_PENALTY,
  OBSERVATION_PENALTY,
  OBSERVATION_PENALTY_CAP,
  WARNING_LETTER_PENALTY,
  OPEN_WARNING_LETTER_MIN_DECAY,
  RECALL_PENALTY,
  type QualityScoreResult,
  type QualityPenalty,
} from "./quality-score";
