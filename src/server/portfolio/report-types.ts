// What the decision report prints, gathered by report.ts and laid out by report-document.ts.
// Plain data: the unit test builds one by hand.
import type { PortfolioMetrics } from "../decision";
import type { BuiltProblem } from "./build";
import type { ScenarioSettings } from "./settings";
import type { PortfolioView, SavedSimulation } from "./view";

export type WeightRow = { name: string; depth: number; local: number; effective: number; auto: string | null };

export type SensitivityData =
  | {
      leader: string | null;
      rows: {
        criterion: string;
        weight: number;
        low: number;
        high: number;
        lowChallenger: string | null;
        highChallenger: string | null;
      }[];
      excluded: string[];
    }
  | { error: string };

export type AcceptabilityData =
  | {
      iterations: number;
      seed: number;
      spread: number;
      rows: { vendor: string; shares: number[] }[];
      excluded: string[];
    }
  | { error: string };

export type EvaluationData =
  | { kind: "none"; why: string }
  | {
      kind: "ok";
      scale: { min: number; max: number };
      aggregation: "mean" | "median";
      weights: WeightRow[];
      ranking: { rank: number; vendor: string; total: number | null; coverage: number }[];
      sensitivity: SensitivityData;
      acceptability: AcceptabilityData;
    };

/** A portfolio the report shows: a comparison column or the chosen one, with the problem it was computed on. */
export type ReportPortfolio = {
  key: string;
  label: string;
  metrics: PortfolioMetrics | null;
  empty: string | null;
  optimum: boolean;
  problem: BuiltProblem["problem"];
};

export type AuditLine = {
  at: Date;
  actor: string;
  action: string;
  subject: string;
  fields: string[];
  reason: string | null;
};

export type ReportDecision = NonNullable<PortfolioView["decision"]>;

export type ReportData = {
  generatedAt: Date;
  generatedBy: string;
  programme: { name: string; molecule: string | null; currency: string };
  rfp: { title: string; status: string };
  evaluation: EvaluationData;
  scenario: {
    name: string;
    /** Why this scenario: the decision was made on it, it is the first one, or there is none yet. */
    source: "decision" | "first" | "defaults";
    settings: ScenarioSettings;
    assignment: Record<string, string> | null;
    simulation: SavedSimulation | null;
  };
  built: BuiltProblem;
  comparison: { columns: ReportPortfolio[]; top: PortfolioMetrics[]; infeasible: string[]; error: string | null };
  chosen: ReportPortfolio | null;
  /** Every vendor id the report may print (today's problem and the signed record's). */
  vendorNames: Record<string, string>;
  decision: ReportDecision | null;
  withdrawn: number;
  audit: { visible: boolean; entries: AuditLine[]; truncated: boolean };
};
