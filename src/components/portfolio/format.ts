// Number formats of the portfolio pages: money in the programme's currency, weeks, percentages.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const shortFormats = new Map<string, Intl.NumberFormat>();

export function fmtMoney(x: number, currency: string): string {
  let f = moneyFormats.get(currency);
  if (!f)
    moneyFormats.set(
      currency,
      (f = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 })),
    );
  return f.format(x);
}

/** "$16.3M": for chart axes and tight cells. */
export function fmtMoneyShort(x: number, currency: string): string {
  let f = shortFormats.get(currency);
  if (!f)
    shortFormats.set(
      currency,
      (f = new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        notation: "compact",
        maximumFractionDigits: 2,
      })),
    );
  return f.format(x);
}

export const fmtWeeks = (w: number) => `${Number.isInteger(w) ? w : w.toFixed(1)} wk`;
export const fmtPct = (p: number | null, digits = 1) => (p === null ? "n/a" : `${(p * 100).toFixed(digits)}%`);
export const fmtNum = (x: number | null, digits = 1) => (x === null ? "n/a" : x.toFixed(digits));
