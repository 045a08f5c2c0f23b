// A programme's phases, currencies, limits and fields as the pages show them: browser-safe and
// without zod (./schemas, which re-exports all of this, holds the procedures' inputs).
import { ASSUMPTION_DEFAULTS } from "../decision/assumption-defaults";
import type { TAssumptions } from "../decision/portfolio-schema";

export type { TAssumptions };

export const PROGRAMME_PHASES = [
  { code: "PRECLINICAL", label: "Preclinical" },
  { code: "PHASE_1", label: "Phase 1" },
  { code: "PHASE_2", label: "Phase 2" },
  { code: "PHASE_3", label: "Phase 3" },
  { code: "COMMERCIAL", label: "Commercial" },
] as const;
export type ProgrammePhase = (typeof PROGRAMME_PHASES)[number]["code"];
/** Currencies a budget can be kept in; the portfolio model's money is in the programme's currency. */
export const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "CHF",
  "JPY",
  "CNY",
  "KRW",
  "INR",
  "CAD",
  "AUD",
  "SEK",
  "DKK",
  "SGD",
] as const;

/** Bounds that keep sums exact in a double and figures a person could mean. */
export const PROGRAMME_LIMITS = { money: 1e12, costOfDelay: 1e10, weeks: 520 } as const;

/** The defaults of decision-model.md section 3, as the decision core fills them in. */
export const DEFAULT_ASSUMPTIONS: TAssumptions = { ...ASSUMPTION_DEFAULTS };
/** The fields a programme form edits and its audit entries compare, in form order. */
export const PROGRAMME_FIELDS = [
  "name",
  "molecule",
  "modality",
  "phase",
  "stages",
  "description",
  "startDate",
  "targetDate",
  "budget",
  "currency",
  "costOfDelayPerWeek",
  "assumptions",
] as const;
