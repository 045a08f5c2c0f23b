import { z } from "zod";
import { DecisionError, parseOrThrow } from "./errors";

import {
  INSPECTION_PENALTY,
  OBSERVATION_PENALTY,
  OBSERVATION_PENALTY_CAP,
  OPEN_WARNING_LETTER_MIN_DECAY,
  QUALITY_FORMULA,
  QUALITY_HALF_LIFE_YEARS,
  RECALL_PENALTY,
  WARNING_LETTER_PENALTY,
} from "./quality-rules";

// The rules' constants live in ./quality-rules (no zod), so pages can show the formula.
export * from "./quality-rules";

const DAYS_PER_YEAR = 365.25;

const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

export const ZQualityScoreInput = z.strictObject({
  asOf: isoDate,
  inspections: z.array(
    z.strictObject({
      endDate: isoDate,
      classification: z.enum(["NAI", "VAI", "OAI"]),
      observations483: z.number().int().min(0).optional(),
    }),
  ),
  warningLetters: z.array(z.strictObject({ date: isoDate, status: z.enum(["OPEN", "CLOSED"]) })),
  recalls: z.array(z.strictObject({ date: isoDate, classification: z.enum(["I", "II", "III"]).optional() })).optional(),
});
export type TQualityScoreInput = z.input<typeof ZQualityScoreInput>;

export interface QualityPenalty {
  kind: "inspection" | "warningLetter" | "recall";
  date: string;
  base: number;
  /** The factor applied to base (for an open warning letter, max(decay, 0.5)). */
  decay: number;
  penalty: number;
}

export interface QualityScoreResult {
  score: number | null;
  penalties: QualityPenalty[];
  formula: string;
}

export function qualityDecay(ageYears: number): number {
  return Math.pow(0.5, ageYears / QUALITY_HALF_LIFE_YEARS);
}

export function computeQualityScore(input: TQualityScoreInput): QualityScoreResult {
  const q = parseOrThrow(ZQualityScoreInput, input);
  const asOf = Date.parse(q.asOf);
  const penalties: QualityPenalty[] = [];
  const age = (date: string, path: (string | number)[]): number | null => {
    const t = Date.parse(date);
    if (Number.isNaN(t)) throw new DecisionError("INVALID_INPUT", `"${date}" is not a valid date`, path);
    // Events after asOf had not happened yet at that date.
    return t > asOf ? null : (asOf - t) / (DAYS_PER_YEAR * 86_400_000);
  };
  const add = (kind: QualityPenalty["kind"], date: string, base: number, decay: number): void => {
    penalties.push({ kind, date, base, decay, penalty: base * decay });
  };
  q.inspections.forEach((x, i) => {
    const years = age(x.endDate, ["inspections", i, "endDate"]);
    if (years === null) return;
    const obs = Math.min(OBSERVATION_PENALTY * (x.observations483 ?? 0), OBSERVATION_PENALTY_CAP);
    add("inspection", x.endDate, INSPECTION_PENALTY[x.classification] + obs, qualityDecay(years));
  });
  q.warningLetters.forEach((x, i) => {
    const years = age(x.date, ["warningLetters", i, "date"]);
    if (years === null) return;
    const d = qualityDecay(years);
    if (x.status === "OPEN")
      add("warningLetter", x.date, WARNING_LETTER_PENALTY.OPEN, Math.max(d, OPEN_WARNING_LETTER_MIN_DECAY));
    else add("warningLetter", x.date, WARNING_LETTER_PENALTY.CLOSED, d);
  });
  (q.recalls ?? []).forEach((x, i) => {
    const years = age(x.date, ["recalls", i, "date"]);
    if (years === null) return;
    add("recall", x.date, RECALL_PENALTY[x.classification ?? "III"], qualityDecay(years));
  });
  if (penalties.length === 0) return { score: null, penalties, formula: QUALITY_FORMULA };
  let total = 0;
  for (const x of penalties) total += x.penalty;
  const score = Math.round(Math.min(100, Math.max(0, 100 - total)) * 10) / 10;
  return { score, penalties, formula: QUALITY_FORMULA };
}
