// Inputs of the portfolio and decision procedures. Browser-safe.
import { z } from "zod";
import { MAX_ITERATIONS } from "../decision/portfolio-schema";
import { zId, zText, zVersion } from "../validation";
import { ZScenarioAssignment, ZScenarioName, ZScenarioSettings } from "./settings";

export const ZPortfolioGetInput = z.object({ programmeId: zId, rfpId: zId.optional() });

/** The decision report (PDF) of one RFP of a programme. */
export const ZPortfolioReportInput = z.object({ programmeId: zId, rfpId: zId });

export const ZScenarioCreateInput = z.object({
  programmeId: zId,
  rfpId: zId,
  name: ZScenarioName,
  settings: ZScenarioSettings,
  assignment: ZScenarioAssignment.nullable().default(null),
  pinned: z.boolean().default(false),
});
export type TScenarioCreateInput = z.output<typeof ZScenarioCreateInput>;

export const ZScenarioSaveInput = z.object({
  scenarioId: zId,
  version: zVersion,
  name: ZScenarioName.optional(),
  settings: ZScenarioSettings.optional(),
  /** null: follow the optimiser again. */
  assignment: ZScenarioAssignment.nullable().optional(),
  pinned: z.boolean().optional(),
});
export type TScenarioSaveInput = z.output<typeof ZScenarioSaveInput>;

export const ZScenarioRefInput = z.object({ scenarioId: zId, version: zVersion });

export const ZSimulationSaveInput = z.object({
  scenarioId: zId,
  version: zVersion,
  assignment: ZScenarioAssignment,
  iterations: z
    .number({ error: "Enter a number of iterations." })
    .int("Iterations are a whole number.")
    .min(1000, "At least 1,000 iterations.")
    .max(MAX_ITERATIONS, `At most ${MAX_ITERATIONS.toLocaleString("en-US")} iterations.`),
  seed: z
    .number({ error: "Enter a seed." })
    .int("The seed is a whole number.")
    .min(0)
    .max(2 ** 31 - 1),
});
export type TSimulationSaveInput = z.output<typeof ZSimulationSaveInput>;

const zPassword = z.string().min(1, "Enter your password to sign.").max(200);

export const ZProposeInput = z.object({
  scenarioId: zId,
  version: zVersion,
  assignment: ZScenarioAssignment,
  rationale: zText({
    min: 10,
    max: 4000,
    multiline: true,
    minMessage: "Say why this portfolio (at least 10 characters).",
  }),
  approverIds: z.array(zId).min(1, "Choose at least one approver.").max(20),
  password: zPassword,
});
export type TProposeInput = z.output<typeof ZProposeInput>;

export const ZSignInput = z.object({
  decisionId: zId,
  meaning: z.enum(["REVIEWER", "APPROVER"], { error: "Choose what your signature means." }),
  password: zPassword,
});
export type TSignInput = z.output<typeof ZSignInput>;

export const ZWithdrawInput = z.object({
  decisionId: zId,
  version: zVersion,
  reason: zText({ min: 3, max: 500, minMessage: "Say why the proposal is withdrawn." }),
});
export type TWithdrawInput = z.output<typeof ZWithdrawInput>;

export const ZDecisionRefInput = z.object({ decisionId: zId });
