// Dates in the reader's time zone with the browser's own Intl, rather than date-fns (6 KB gzip
// in every page's first load for a handful of patterns). Patterns use date-fns's tokens, for
// the few the product shows: PP / PPp / PPpp (US medium styles), and "d MMM yyyy, HH:mm",
// "d MMM, HH:mm" and "EEEE d MMMM yyyy, HH:mm" built from their parts.
const STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  PP: { dateStyle: "medium" },
  PPp: { dateStyle: "medium", timeStyle: "short" },
  "PP p": { dateStyle: "medium", timeStyle: "short" },
  PPpp: { dateStyle: "medium", timeStyle: "medium" },
};

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function parts(d: Date, month: "short" | "long", timeZone?: string): Record<string, string> {
  const key = `${month}|${timeZone ?? ""}`;
  let f = partsFormat.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      weekday: "long",
      day: "numeric",
      month,
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    });
    partsFormat.set(key, f);
  }
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
}

export function formatDate(d: Date, pattern = "PPp", timeZone?: string): string {
  const style = STYLES[pattern];
  if (style) return new Intl.DateTimeFormat("en-US", { ...style, timeZone }).format(d);
  const p = parts(d, pattern.includes("MMMM") ? "long" : "short", timeZone);
  return pattern.replace(/EEEE|MMMM|MMM|yyyy|HH|mm|d/g, (t) => {
    switch (t) {
      case "EEEE":
        return p.weekday!;
      case "MMMM":
      case "MMM":
        return p.month!;
      case "yyyy":
        return p.year!;
      case "HH":
        return p.hour!;
      case "mm":
        return p.minute!;
      default:
        return p.day!;
    }
  });
}

/** Like date-fns's formatDistanceStrict: "45 seconds", "3 hours", "12 days", "2 months", "1 year". */
export function distanceStrict(a: Date | number, b: Date | number): string {
  const minutes = Math.abs(+a - +b) / 60_000;
  const [n, unit] =
    minutes < 1
      ? [Math.round(minutes * 60), "second"]
      : minutes < 60
        ? [Math.round(minutes), "minute"]
        : minutes < 1440
          ? [Math.round(minutes / 60), "hour"]
          : minutes < 43_200
            ? [Math.round(minutes / 1440), "day"]
            : minutes < 525_600
              ? [Math.round(minutes / 43_200), "month"]
              : [Math.round(minutes / 525_600), "year"];
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
