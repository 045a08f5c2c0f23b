// Messages between the portfolio page and its Web Worker (compare.worker.ts). The worker runs the
// decision core off the page's main thread, so a long optimisation or a 200,000-iteration Monte
// Carlo never freezes the page; cancelling terminates the worker.
import type { SimulationResult } from "@/server/decision";
import type { BuiltProblem } from "@/server/portfolio/build";
import type { Comparison } from "@/server/portfolio/compare";
import type { ScenarioSettings } from "@/server/portfolio/settings";

export type WorkerRequest =
  | { id: number; kind: "compare"; built: BuiltProblem; settings: ScenarioSettings; budgetMs: number }
  | {
      id: number;
      kind: "simulate";
      built: BuiltProblem;
      assignment: Record<string, string>;
      iterations: number;
      seed: number;
    };

export type Progress = { done: number; total: number | null; note: string };

export type WorkerResponse =
  | { id: number; kind: "progress"; progress: Progress }
  | { id: number; kind: "compared"; comparison: Comparison; ms: number }
  | { id: number; kind: "simulated"; result: SimulationResult; ms: number }
  | { id: number; kind: "failed"; message: string };
