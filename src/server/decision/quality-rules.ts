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
