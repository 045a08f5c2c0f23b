// Money as the matrix and its pages write it; browser-safe, apart from the matrix's CSV code.
// A formatter is expensive to create and the matrix formats every price of every vendor:
// one per currency (null for a code Intl does not know), kept.
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string): Intl.NumberFormat | null {
  let f = moneyFormats.get(currency);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 2 });
    } catch {
      f = null;
    }
    if (moneyFormats.size >= 200) moneyFormats.clear();
    moneyFormats.set(currency, f);
  }
  return f;
}

export function formatMoney(n: number, currency = "USD"): string {
  const f = moneyFormat(currency);
  return f ? f.format(n) : `${currency} ${n.toLocaleString("en", { maximumFractionDigits: 2 })}`;
}
