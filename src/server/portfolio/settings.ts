// What a scenario stores on top of the facts (src/server/portfolio/facts.ts): the team's edits to
// the problem and the constraints. Browser-safe (zod, the decision core's schemas, the shared
// building blocks), so the page validates with the same schema the router does.
import { z } from "zod";
import { ZProgrammeAssumptions, DEFAULT_ASSUMPTIONS, PROGRAMME_LIMITS } from "../programmes/schemas";
import { STAGE_CODES } from "../vendors/catalog";
import { zId, zInt, zOptText, zText } from "../validation";

export const SCENARIO_LIMITS = { estimates: 40, name: 80, reason: 500, vendors: 200 } as const;

const zMoney = z
  .number({ error: "Enter an amount." })
  .min(0, "Cannot be negative.")
  .max(PROGRAMME_LIMITS.money, "The amount is too large.");
const zWeeks = z
  .number({ error: "Enter a number of weeks." })
  .min(0, "Cannot be negative.")
  .max(PROGRAMME_LIMITS.weeks, `At most ${PROGRAMME_LIMITS.weeks} weeks.`);

/** A disruption risk the team sets instead of the one derived from quality history, with its reason. */
export const ZRiskOverride = z.strictObject({
  annualRisk: z.number({ error: "Enter a probability." }).min(0, "At least 0%.").max(1, "At most 100%."),
  reason: zText({
    min: 3,
    max: SCENARIO_LIMITS.reason,
    multiline: true,
    minMessage: "Say why the risk differs from the derived one.",
  }),
});

/** A bundle discount set by the team; null removes the one the response offered. */
export const ZBundleEdit = z
  .strictObject({
    minStages: zInt({ min: 2, max: STAGE_CODES.length, minMessage: "A bundle has at least 2 stages." }),
    rate: z.number({ error: "Enter a rate." }).min(0, "At least 0%.").max(0.5, "At most 50%."),
  })
  .nullable();

/** A figure the team enters where no response quoted a stage: marked as an estimate everywhere. */
export const ZEstimate = z
  .strictObject({
    id: z.string().regex(/^est-[a-z0-9]{1,12}$/, "Must be an estimate id."),
    stageId: z.enum(STAGE_CODES, { error: "Choose a stage of the programme." }),
    /** An invited vendor (invitation id) the estimate is for, or null for a placeholder "estimate" vendor. */
    vendorId: zId.nullable(),
    label: zText({ min: 2, max: 80, minMessage: "Name the estimate (e.g. Typical fill-finish CDMO)." }),
    price: zMoney,
    durationWeeks: zWeeks,
    minWeeks: zWeeks.optional(),
    maxWeeks: zWeeks.optional(),
    note: zOptText(500, { multiline: true }),
  })
  .superRefine((e, ctx) => {
    if (e.minWeeks !== undefined && e.minWeeks > e.durationWeeks)
      ctx.addIssue({ code: "custom", path: ["minWeeks"], message: "The shortest cannot exceed the expected weeks." });
    if (e.maxWeeks !== undefined && e.maxWeeks < e.durationWeeks)
      ctx.addIssue({ code: "custom", path: ["maxWeeks"], message: "The longest cannot be below the expected weeks." });
  });
export type Estimate = z.output<typeof ZEstimate>;

/** The constraints of decision-model.md section 4, as the page edits them (empty = none). */
export const ZScenarioConstraints = z.strictObject({
  maxVendors: zInt({ min: 1, max: SCENARIO_LIMITS.vendors, minMessage: "At least 1 vendor." }).nullable().default(null),
  budget: zMoney.nullable().default(null),
  deadlineWeeks: zWeeks.nullable().default(null),
  minOfferScore: z.number().min(0, "At least 0.").max(100, "At most 100.").nullable().default(null),
  locked: z.partialRecord(z.enum(STAGE_CODES), z.string().min(1).max(64)).default({}),
  excludedVendors: z.array(z.string().min(1).max(64)).max(SCENARIO_LIMITS.vendors).default([]),
});
export type ScenarioConstraints = z.output<typeof ZScenarioConstraints>;

export const ZScenarioSettings = z.strictObject({
  assumptions: ZProgrammeAssumptions.default(() => ({ ...DEFAULT_ASSUMPTIONS })),
  /** vendor id -> the team's disruption risk. */
  risk: z.record(z.string().min(1).max(64), ZRiskOverride).default({}),
  /** vendor id -> the team's bundle discount (null: none, whatever the response said). */
  bundles: z.record(z.string().min(1).max(64), ZBundleEdit).default({}),
  estimates: z
    .array(ZEstimate)
    .max(SCENARIO_LIMITS.estimates, `At most ${SCENARIO_LIMITS.estimates} estimates.`)
    .default([]),
  constraints: ZScenarioConstraints.default(() => ZScenarioConstraints.parse({})),
});
export type ScenarioSettings = z.output<typeof ZScenarioSettings>;
export type ScenarioSettingsInput = z.input<typeof ZScenarioSettings>;

export const ZScenarioName = zText({
  min: 1,
  max: SCENARIO_LIMITS.name,
  minMessage: "Give the scenario a name.",
});

/** A manual assignment, stage code -> vendor id (an invitation id or an estimate's id). */
export const ZScenarioAssignment = z.partialRecord(z.enum(STAGE_CODES), z.string().min(1).max(64));
