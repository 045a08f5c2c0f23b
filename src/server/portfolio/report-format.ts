// How the decision report writes text, figures and times. The report uses the PDF standard
// Helvetica (no font file to ship), which only has the WinAnsi characters: anything else is
// replaced here, before pdfmake sees it, so a name in another script prints as "?" instead of
// as unreadable glyphs.

/** The characters of WinAnsiEncoding above Latin-1's printable range (0x80-0x9F slots). */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const SUBSTITUTES: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "→": "->",
  "←": "<-",
  "−": "-",
  "‐": "-",
  "‑": "-",
  "✓": "v",
  "✔": "v",
  "✗": "x",
  "\u2009": " ",
  "\u202f": " ",
};

export function pdfText(s: string): string {
  let out = "";
  for (const ch of s.normalize("NFC")) {
    const c = ch.codePointAt(0)!;
    if (ch === "\n") out += ch;
    else if (ch === "\t" || ch === "\r") out += " ";
    else if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) continue;
    else out += SUBSTITUTES[ch] ?? "?";
  }
  return out;
}

/** For text inside an SVG chart: WinAnsi-safe and XML-escaped. */
export const svgText = (s: string) =>
  pdfText(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-02 01:23 UTC": the server clock, always in UTC so every reader gets the same time. */
export function utcMinute(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "2026-12-02 01:23:45 UTC", for signatures and audit entries. */
export function utcSecond(d: Date): string {
  return `${utcMinute(d).slice(0, 16)}:${pad(d.getUTCSeconds())} UTC`;
}

/** "USD 1,250,000": the currency code rather than a symbol that Helvetica may not have. */
export function money(x: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      currencyDisplay: "code",
      maximumFractionDigits: 0,
    })
      .format(x)
      .replace(/\u00a0/g, " ");
  } catch {
    // A code Intl does not know still prints, as the code and the amount.
    return `${currency} ${num(x, 0)}`;
  }
}

export const num = (x: number, digits = 1) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const pct = (x: number, digits = 1) => `${num(x * 100, digits)}%`;

export const weeks = (x: number) => `${num(x, Number.isInteger(x) ? 0 : 1)} wk`;

/** "1.2M", "350k": axis labels. */
export function compact(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `${num(x / 1e9, 1)}B`;
  if (a >= 1e6) return `${num(x / 1e6, 1)}M`;
  if (a >= 1e3) return `${num(x / 1e3, 0)}k`;
  return num(x, 0);
}
