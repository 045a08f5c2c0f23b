// Due dates are instants (UTC in the database) that the sponsor sets as a wall-clock time in a
// named IANA zone ("17:00 in Europe/Berlin") and each reader sees in their own zone. Browser-safe,
// built on Intl only (Node 20 and every browser ship the IANA database), so no dependency.
//
// Wall-clock times that do not exist (the hour skipped when clocks go forward) or exist twice
// (the hour repeated when they go back) are resolved like Temporal's "compatible" rule: a skipped
// time moves forward by the gap, a repeated time takes the earlier instant.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      era: "short",
    });
    if (formatters.size > 1000) formatters.clear(); // keys are user input; keep the cache bounded
    formatters.set(tz, f);
  }
  return f;
}

/** Whether `tz` is an IANA time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  try {
    partsFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The runtime's canonical spelling ("europe/berlin" -> "Europe/Berlin"), or null for an unknown zone. */
export function canonicalTimeZone(tz: unknown): string | null {
  return isValidTimeZone(tz) ? partsFormatter(tz).resolvedOptions().timeZone : null;
}

/** The zones to offer in a picker: the runtime's canonical list, with UTC first. */
export function timeZoneOptions(): string[] {
  const list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...list.filter((z) => z !== "UTC")];
}

/** Milliseconds since the epoch of the wall-clock time `t` shows in `tz`, read as if it were UTC. */
function wallClockMs(t: number, tz: string): number {
  const p: Record<string, string> = {};
  for (const { type, value } of partsFormatter(tz).formatToParts(new Date(t))) p[type] = value;
  let year = Number(p.year);
  if (p.era === "BC" || p.era === "B") year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), new Date(t).getUTCMilliseconds());
  return d.getTime();
}

/** The zone's offset from UTC at instant `t`, in milliseconds (+3_600_000 for CET). */
export function offsetMs(t: Date | number, tz: string): number {
  const ms = typeof t === "number" ? t : t.getTime();
  return wallClockMs(ms, tz) - ms;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

/**
 * "2027-01-15T17:00" in "Europe/Berlin" -> the UTC instant 2027-01-15T16:00:00Z. Accepts what an
 * <input type="datetime-local"> gives (seconds optional). Throws RangeError for a malformed
 * string, an impossible date (Feb 30) or an unknown zone.
 */
export function zonedLocalToUtc(local: string, tz: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new RangeError(`Not a local date and time (YYYY-MM-DDTHH:mm): ${local.slice(0, 40)}`);
  if (!isValidTimeZone(tz)) throw new RangeError(`Unknown time zone: ${String(tz).slice(0, 64)}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wantedDate = new Date(0);
  wantedDate.setUTCFullYear(y, mo - 1, d);
  wantedDate.setUTCHours(h, mi, s, 0);
  const wanted = wantedDate.getTime();
  if (wantedDate.getUTCMonth() !== mo - 1 || wantedDate.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    throw new RangeError(`Not a real date and time: ${local}`);
  // Offsets a day either side bracket any transition near the wanted time.
  const before = offsetMs(wanted - DAY_MS, tz);
  const after = offsetMs(wanted + DAY_MS, tz);
  const candidates = [...new Set([wanted - before, wanted - after])].filter((t) => wallClockMs(t, tz) === wanted);
  if (candidates.length) return new Date(Math.min(...candidates)); // repeated hour: the earlier instant
  // Skipped hour: keep the offset from before the jump, which lands after the gap (02:30 -> 03:30).
  return new Date(wanted - before);
}

/** The inverse: the instant as "YYYY-MM-DDTHH:mm" on the wall clock of `tz` (to refill a form). */
export function utcToZonedLocal(date: Date, tz: string): string {
  return new Date(wallClockMs(date.getTime(), tz)).toISOString().slice(0, 16);
}

/**
 * A due date as a reader reads it: "Fri, 15 Jan 2027, 17:00 CET". Pass the reader's zone (the
 * browser's `Intl.DateTimeFormat().resolvedOptions().timeZone`) or the RFP's own.
 */
export function formatInZone(date: Date, tz: string, o: { weekday?: boolean; zoneName?: boolean } = {}): string {
  const zone = isValidTimeZone(tz) ? tz : "UTC";
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: o.weekday === false ? undefined : "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: o.zoneName === false ? undefined : "short",
  }).format(date);
}

/** The reader's zone as the runtime reports it (the browser's setting; the server's is UTC here). */
export function readerTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isValidTimeZone(tz) ? tz : "UTC";
}
