import {
  analyzeSensitivity,
  computeAcceptability,
  computeScorecard,
  evaluatePortfolio,
  optimizePortfolio,
  simulate,
} from "../../server/decision";
import type { Command } from "./types";

// The pure decision commands: JSON in, JSON out, no database, no network.
// The document is untrusted JSON: each core function validates it with zod, so
// handing it over as the typed input is safe (a bad one becomes a DecisionError).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const jsonCommand = (description: string, fn: (input: any) => unknown): Command => ({
  description,
  flags: ["input"],
  run: async (ctx) => fn(await ctx.readJsonInput()),
});

export const decisionCommands: Record<string, Command> = {
  scorecard: jsonCommand(
    "Weighted scorecard: totals, coverage, categories, ranking (spec section 1).",
    computeScorecard,
  ),
  sensitivity: jsonCommand(
    "Top-level weight intervals that keep the leader (section 2); scorecard input.",
    analyzeSensitivity,
  ),
  acceptability: jsonCommand(
    "Rank acceptability under weight uncertainty (section 2b): scorecard input + {mode, spread, iterations, seed}.",
    computeAcceptability,
  ),
  evaluate: jsonCommand("Metrics of one assignment: {problem, assignment} (section 3).", evaluatePortfolio),
  optimize: jsonCommand("Exact best / top-k portfolios: {problem, constraints} (section 4).", optimizePortfolio),
  simulate: jsonCommand(
    "Monte Carlo of one assignment: {problem, assignment, iterations, seed} (section 5).",
    simulate,
  ),
};
