// Input schemas of programmes, shared by the tRPC router and the programme form. Browser-safe:
// zod, the catalogue, the decision core's assumption schema and the shared building blocks.
import { z } from "zod";
import { ZAssumptions, type TAssumptions } from "../decision/portfolio-schema";
import { MODALITY_CODES, STAGE_CODES, STAGES } from "../vendors/catalog";
import { zDay, zId, zOptText, zText, zVersion } from "../validation";
import { CURRENCIES, DEFAULT_ASSUMPTIONS, PROGRAMME_LIMITS, PROGRAMME_PHASES, type ProgrammePhase } from "./model";

export * from "./model";

const PHASE_CODES = PROGRAMME_PHASES.map((p) => p.code) as [ProgrammePhase, ...ProgrammePhase[]];

export type { TAssumptions };

const WEEK_KEYS = [
  "externalTransferWeeks",
  "internalTransferWeeks",
  "onboardingWeeks",
  "disruptionDelayWeeks",
] as const;
const MONEY_KEYS = [
  "externalTransferCost",
  "internalTransferCost",
  "vendorOverheadCost",
  "costOfDelayPerWeek",
] as const;

/**
 * The portfolio assumptions as the decision core defines them (every key optional, defaults
 * filled in), bounded further so a stored programme never holds a figure nobody could mean.
 */
export const ZProgrammeAssumptions = ZAssumptions.superRefine((a, ctx) => {
  for (const k of WEEK_KEYS)
    if (a[k] > PROGRAMME_LIMITS.weeks)
      ctx.addIssue({ code: "custom", path: [k], message: `At most ${PROGRAMME_LIMITS.weeks} weeks.` });
  for (const k of MONEY_KEYS)
    if (a[k] > PROGRAMME_LIMITS.money) ctx.addIssue({ code: "custom", path: [k], message: "The amount is too large." });
});

const stageLabel = (code: string) => STAGES.find((s) => s.code === code)?.label ?? code;

/** Ordered stage codes: at least one, each once. Order matters (the portfolio model's chain). */
export const zStageChain = z
  .array(z.enum(STAGE_CODES, { error: "Choose stages from the list." }))
  .min(1, "Choose at least one stage.")
  .max(STAGE_CODES.length)
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.forEach((s, i) => {
      if (seen.has(s))
        ctx.addIssue({ code: "custom", path: [i], message: `${stageLabel(s)} is listed twice. List each stage once.` });
      seen.add(s);
    });
  });

const zMoney = (max: number) =>
  z
    .number()
    .min(0, "Cannot be negative.")
    .max(max, "The amount is too large.")
    .nullish()
    .transform((v) => v ?? null);

const fields = {
  name: zText({ min: 2, max: 120, minMessage: "Give the programme a name of at least 2 characters." }),
  molecule: zText({ min: 1, max: 120, minMessage: "Name the molecule (a code such as HX-101 is fine)." }),
  modality: z.enum(MODALITY_CODES, { error: "Choose a modality from the list." }),
  phase: z.enum(PHASE_CODES, { error: "Choose a phase from the list." }),
  stages: zStageChain,
  description: zOptText(4000, { multiline: true }),
  startDate: zDay.nullish().transform((v) => v ?? null),
  targetDate: zDay.nullish().transform((v) => v ?? null),
  budget: zMoney(PROGRAMME_LIMITS.money),
  currency: z.enum(CURRENCIES, { error: "Choose a currency from the list." }).default("USD"),
  /** Also the `costOfDelayPerWeek` assumption: when given it wins, when empty the assumption's value is kept. */
  costOfDelayPerWeek: zMoney(PROGRAMME_LIMITS.costOfDelay),
  assumptions: ZProgrammeAssumptions.default(() => ({ ...DEFAULT_ASSUMPTIONS })),
};

type Dated = { startDate: unknown; targetDate: unknown };
// zod runs an object's refinement even when a field failed, so the dates may still be raw input here.
function datesInOrder(p: Dated, ctx: z.RefinementCtx) {
  const { startDate: a, targetDate: b } = p;
  if (a instanceof Date && b instanceof Date && b.getTime() < a.getTime())
    ctx.addIssue({ code: "custom", path: ["targetDate"], message: "The target date cannot be before the start date." });
}

export const ZProgrammeFields = z.object(fields).superRefine(datesInOrder);
export type TProgrammeFields = z.output<typeof ZProgrammeFields>;
export type TProgrammeFieldsInput = z.input<typeof ZProgrammeFields>;

export const ZProgrammeIdInput = z.object({ programmeId: zId });

export const ZUpdateProgrammeInput = z
  .object({ programmeId: zId, version: zVersion, ...fields })
  .superRefine(datesInOrder);
export type TUpdateProgrammeInput = z.output<typeof ZUpdateProgrammeInput>;

export const ZArchiveProgrammeInput = z.object({ programmeId: zId, version: zVersion });

export const ZListProgrammesInput = z.object({ archived: z.boolean().default(false) });
