import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type EvaluationData = inferRouterOutputs<AppRouter>["evaluation"]["get"];
export type VendorRef = EvaluationData["vendors"][number];
export type ScoreRow = EvaluationData["scores"][number];
export type AutoRow = EvaluationData["auto"][number];

export const cellKey = (vendorId: string, criterionId: string) => `${vendorId} ${criterionId}`;

/** "3", "3.5" or "3,5" on the scale in steps of 0.5; "" clears; anything else is an error message. */
export function parseScore(text: string, scale: { min: number; max: number }): number | null | string {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  const v = Number(t);
  if (!/^\d+(\.\d+)?$/.test(t) || !Number.isFinite(v) || v < scale.min || v > scale.max || Math.round(v * 2) !== v * 2)
    return `Use ${scale.min} to ${scale.max} in steps of 0.5.`;
  return v;
}

export const pct = (x: number, digits = 0) => `${(x * 100).toFixed(digits)}%`;
export const fmtScore = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? "–" : x.toFixed(digits);
