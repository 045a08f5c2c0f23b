// Calendar dates (inspection end dates, letter dates) are stored as UTC midnights; showing
// them in UTC with a fixed locale keeps the day right and server and browser renders equal.
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function toDate(v: Date | string | null | undefined): Date | null {
  if (v == null) return null;
  const d = typeof v === "string" ? new Date(v) : v;
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDay(v: Date | string | null | undefined, empty = "—"): string {
  const d = toDate(v);
  return d ? DAY.format(d) : empty;
}

/** yyyy-MM-dd for <input type="date"> values and ISO comparisons. */
export function isoDay(v: Date | string | null | undefined): string {
  const d = toDate(v);
  return d ? d.toISOString().slice(0, 10) : "";
}

export function formatScore(score: number | null | undefined): string {
  return score == null ? "No score" : score.toFixed(1);
}

/** "12,000 L", "400,000 units"; `empty` when not given. */
export function formatQuantity(n: number | null | undefined, unit: string, empty = "—"): string {
  return n == null ? empty : `${n.toLocaleString("en-GB")} ${unit}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A site as a person would name it: its own name, else its city ("Bloomington site"), else its
 * place in the list ("Site 2"); never a dash that reads as missing data.
 */
export function siteName(s: { name?: string | null; city?: string | null }, index: number): string {
  return s.name?.trim() || (s.city?.trim() ? `${s.city.trim()} site` : `Site ${index + 1}`);
}
