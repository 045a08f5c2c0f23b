import { z } from "zod";
import { DecisionError, parseOrThrow } from "./errors";

/**
 * Recency-weighted quality-system score, 0-100, for a vendor or site.
 * Pure: the caller loads inspections, warning letters and recalls and passes
 * them in. The constants are exported so the UI can show the formula beside
 * the number.
 */
export const QUALITY_HALF_LIFE_YEARS = 3;
export const INSPECTION_PENALTY = { NAI: 0, VAI: 10, OAI: 40 } as const;
export const OBSERVATION_PENALTY = 2;
export const OBSERVATION_PENALTY_CAP = 20;
export const WARNING_LETTER_PENALTY = { OPEN: 35, CLOSED: 15 } as const;
/** An open warning letter never decays below half its weight: it is still open. */
export const OPEN_WARNING_LETTER_MIN_DECAY = 0.5;
export const RECALL_PENALTY = { I: 20, II: 10, III: 4 } as const;
const DAYS_PER_YEAR = 365.25;

export const QUALITY_FORMULA =
  `Each event loses weight with age: decay = 0.5^(age in years / ${QUALITY_HALF_LIFE_YEARS}), so it halves every ` +
  `${QUALITY_HALF_LIFE_YEARS} years and a 10-year-old event counts about 10%. Penalties: an inspection classified ` +
  `OAI ${INSPECTION_PENALTY.OAI}, VAI ${INSPECTION_PENALTY.VAI}, NAI ${INSPECTION_PENALTY.NAI}, plus ` +
  `${OBSERVATION_PENALTY} per Form 483 observation (at most ${OBSERVATION_PENALTY_CAP} per inspection), times decay; ` +
  `an open warning letter ${WARNING_LETTER_PENALTY.OPEN} times the larger of decay and ${OPEN_WARNING_LETTER_MIN_DECAY}; ` +
  `a closed warning letter ${WARNING_LETTER_PENALTY.CLOSED} times decay; a recall of class I ${RECALL_PENALTY.I}, ` +
  `II ${RECALL_PENALTY.II}, III or unknown ${RECALL_PENALTY.III}, times decay. ` +
  `Score = 100 minus the sum of penalties, kept between 0 and 100 and rounded to one decimal; ` +
  `no records at all gives no score. Events dated after the as-of date are ignored.`;

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
