import type { TProgrammeFieldsInput } from "@/server/programmes/schemas";
import { ASSUMPTION_FIELDS, DEFAULT_ASSUMPTIONS, type AssumptionKey } from "./assumptions";
import { isoDay } from "./format";

// What the programme form's inputs hold (text boxes are strings) and how it becomes the
// server's input. Rates are typed as percentages and stored as fractions; an empty box means
// "the default", which the server fills in.

type FormAssumptionKey = (typeof ASSUMPTION_FIELDS)[number]["key"];

export type ProgrammeFormValues = {
  name: string;
  molecule: string;
  modality: string;
  phase: string;
  stages: string[];
  description: string;
  startDate: string;
  targetDate: string;
  budget: string;
  currency: string;
  costOfDelayPerWeek: string;
  assumptions: Record<FormAssumptionKey, string>;
};

export type ProgrammeInitial = {
  name: string;
  molecule: string;
  modality: string;
  phase: string;
  stages: string[];
  description: string | null;
  startDate: Date | string | null;
  targetDate: Date | string | null;
  budget: number | null;
  currency: string;
  costOfDelayPerWeek: number | null;
  assumptions: Record<AssumptionKey, number>;
};

const rateOf = (key: AssumptionKey) => ASSUMPTION_FIELDS.find((f) => f.key === key)?.unit === "rate";
const num = (n: number | null | undefined) => (n == null ? "" : String(n));
const percent = (fraction: number) => String(Math.round(fraction * 1_000_000) / 10_000);

/** The assumption boxes, filled with `values` (the defaults for a new programme). */
export function assumptionValues(values: Record<AssumptionKey, number> = DEFAULT_ASSUMPTIONS) {
  return Object.fromEntries(
    ASSUMPTION_FIELDS.map((f) => [f.key, f.unit === "rate" ? percent(values[f.key]) : num(values[f.key])]),
  ) as Record<FormAssumptionKey, string>;
}

export function toFormValues(p?: ProgrammeInitial | null): ProgrammeFormValues {
  return {
    name: p?.name ?? "",
    molecule: p?.molecule ?? "",
    modality: p?.modality ?? "",
    phase: p?.phase ?? "",
    stages: p?.stages ?? [],
    description: p?.description ?? "",
    startDate: isoDay(p?.startDate),
    targetDate: isoDay(p?.targetDate),
    budget: num(p?.budget),
    currency: p?.currency ?? "USD",
    costOfDelayPerWeek: num(p?.costOfDelayPerWeek ?? DEFAULT_ASSUMPTIONS.costOfDelayPerWeek),
    assumptions: assumptionValues(p?.assumptions),
  };
}

const blank = (s: string | undefined) => !s || s.trim() === "";
/** "" -> undefined (the server's default); otherwise a number (NaN fails the schema with its message). */
const optionalNumber = (s: string | undefined) => (blank(s) ? undefined : Number(s!.replace(/[,\s]/g, "")));

/** The server's input shape (ZProgrammeFields) from what the boxes hold. */
export function toServerInput(v: ProgrammeFormValues): TProgrammeFieldsInput {
  const assumptions: Partial<Record<AssumptionKey, number>> = {};
  for (const f of ASSUMPTION_FIELDS) {
    const n = optionalNumber(v.assumptions?.[f.key]);
    if (n !== undefined) assumptions[f.key] = rateOf(f.key) ? n / 100 : n;
  }
  return {
    name: v.name,
    molecule: v.molecule,
    modality: v.modality as TProgrammeFieldsInput["modality"],
    phase: v.phase as TProgrammeFieldsInput["phase"],
    stages: v.stages as TProgrammeFieldsInput["stages"],
    description: blank(v.description) ? null : v.description,
    startDate: blank(v.startDate) ? null : v.startDate,
    targetDate: blank(v.targetDate) ? null : v.targetDate,
    budget: optionalNumber(v.budget) ?? null,
    currency: v.currency as TProgrammeFieldsInput["currency"],
    costOfDelayPerWeek: optionalNumber(v.costOfDelayPerWeek) ?? null,
    assumptions,
  };
}

/** The schema's message in the form's terms (rates are typed as percentages there). */
export function assumptionMessage(key: AssumptionKey, message: string | undefined): string | undefined {
  if (!message) return undefined;
  if (rateOf(key)) return "Enter a percentage from 0 to 100.";
  if (/must be >= 0/.test(message)) return "Cannot be negative.";
  if (/expected number|Must be a number/i.test(message)) return "Enter a number.";
  return message;
}
