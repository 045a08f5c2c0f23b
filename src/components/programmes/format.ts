import { PROGRAMME_PHASES } from "@/server/programmes/model";

export { modalityLabel, stageLabel } from "@/server/vendors/catalog";
export { formatDay, isoDay, plural } from "../vendors/format";

export const phaseLabel = (code: string) => PROGRAMME_PHASES.find((p) => p.code === code)?.label ?? code;

/** "$12,500,000", "€12,500,000" in the programme's currency; `empty` when not given. Fixed locale: server and browser agree. */
export function formatMoney(amount: number | null | undefined, currency: string, empty = "—"): string {
  if (amount == null) return empty;
  try {
    return new Intl.NumberFormat("en-GB", {
      style: "currency",
      currency,
      currencyDisplay: "narrowSymbol",
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${amount.toLocaleString("en-GB")} ${currency}`;
  }
}

/** A figure of an assumption in its unit: weeks, money, or a rate shown as a percentage. */
export function formatAssumption(value: number, unit: "weeks" | "money" | "rate", currency: string): string {
  if (unit === "weeks") return `${value.toLocaleString("en-GB")} ${value === 1 ? "week" : "weeks"}`;
  if (unit === "rate") return `${(Math.round(value * 10_000) / 100).toLocaleString("en-GB")}%`;
  return formatMoney(value, currency);
}
