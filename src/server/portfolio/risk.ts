// Each vendor's annual disruption risk (decision-model.md section 3), derived from what the
// sponsor sees of its quality-system history. Browser-safe: the page shows the same formula.

/** A spotless record still carries some risk (fires, supply, capacity); the worst record, ten times more. */
export const RISK_FLOOR = 0.01;
export const RISK_SPAN = 0.09;
/** The decision model's default, used when there is no inspection record to judge by. */
export const RISK_DEFAULT = 0.03;

export const DISRUPTION_RISK_FORMULA =
  "Annual disruption risk = 1% + 9% x (100 - quality score) / 100, so 1% for a spotless record and 10% for the worst; 3% (the model's default) when there is no inspection record.";

export type DerivedRisk = { annualRisk: number; basis: string };

export function derivedRisk(qualityScore: number | null): DerivedRisk {
  if (qualityScore === null || !Number.isFinite(qualityScore))
    return { annualRisk: RISK_DEFAULT, basis: "No inspection record: the model's default of 3%." };
  const q = Math.min(100, Math.max(0, qualityScore));
  const annualRisk = RISK_FLOOR + (RISK_SPAN * (100 - q)) / 100;
  return { annualRisk, basis: `Quality score ${q.toFixed(1)} / 100 gives ${(annualRisk * 100).toFixed(2)}% a year.` };
}
