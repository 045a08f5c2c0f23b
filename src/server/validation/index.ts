// Shared zod building blocks for every input schema (tRPC procedures and the forms that reuse
// them). Browser-safe: zod only. Each block bounds what PostgreSQL can store, so a malformed
// request is refused here with a sentence naming the field, never by the database with a 500:
// text without NUL or lone surrogates and with a length limit, integers inside int32 (or a
// tighter domain range), dates inside 1900..2200, ids, tokens, e-mail addresses and slugs.
import { z } from "zod";
import { installErrorMap } from "./messages";
import { SEARCH_MAX, cleanSearchText, textProblem } from "./text";

installErrorMap();

export { bareMessage, fieldLabel, fieldMessageOf, installErrorMap } from "./messages";
export { SEARCH_MAX, cleanSearchText, textProblem } from "./text";

export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

type TextOptions = {
  /** Longest accepted length, after trimming. */
  max: number;
  /** Shortest accepted length (default 0), after trimming. */
  min?: number;
  /** Message when shorter than `min` ("Enter your name."). */
  minMessage?: string;
  /** Message when longer than `max` (default: the error map's "At most N characters."). */
  maxMessage?: string;
  /** Allow tab, line feed and carriage return (notes, summaries). */
  multiline?: boolean;
  /** Trim surrounding white space first (default true; passwords and tokens keep theirs). */
  trim?: boolean;
};

/** Text that PostgreSQL and the audit log's JSON can store: no NUL, no other control characters, no lone surrogates. */
export function zText(o: TextOptions) {
  let s = z.string();
  if (o.trim !== false) s = s.trim();
  if (o.min) s = s.min(o.min, o.minMessage);
  s = s.max(o.max, o.maxMessage);
  return s.superRefine((v, ctx) => {
    const why = textProblem(v, o.multiline);
    // No message: the error map words it with the field's name ("Name must not contain ...").
    if (why) ctx.addIssue({ code: "custom", params: { text: why } });
  });
}

/** Longer input than this is refused: a bound on what a request may make the server copy. */
const SEARCH_INPUT_MAX = 10_000;

/**
 * Search text as typed: never refused for its length (up to a request bound) or for a stray
 * control character; trimmed, made storable and cut to `max` characters (whole characters, so
 * an emoji is never split). A search box is not a form field to correct.
 */
export function zSearch(max = SEARCH_MAX) {
  return z
    .string()
    .max(SEARCH_INPUT_MAX)
    .transform((s) => Array.from(cleanSearchText(s).trim()).slice(0, max).join("").trim());
}

/** Optional free text: trimmed, "" / null / undefined become null. */
export function zOptText(max: number, o: Omit<TextOptions, "max" | "min"> = {}) {
  return zText({ ...o, max })
    .nullish()
    .transform((v) => (v ? v : null));
}

/** A whole number inside int32 (what an `Int` column holds), or inside a tighter domain range. */
export function zInt(o: { min?: number; max?: number; minMessage?: string; maxMessage?: string } = {}) {
  const min = Math.max(o.min ?? INT32_MIN, INT32_MIN);
  const max = Math.min(o.max ?? INT32_MAX, INT32_MAX);
  return z.number().int().min(min, o.minMessage).max(max, o.maxMessage);
}

/** A finite number inside a range (scores, percentages). */
export function zNumber(o: { min: number; max: number }) {
  return z.number().min(o.min).max(o.max);
}

/** An optimistic-concurrency version, as the row last read carried it. */
export const zVersion = zInt({ min: 1 });

/** Record ids (cuids): letters, digits, "_" and "-". */
export const zId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Must be an id from this application.");

/** A token from an e-mailed link (base64url). */
export const zToken = z
  .string()
  .min(20, "This link is incomplete. Copy the whole link from the e-mail.")
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, "This link is not valid. Copy the whole link from the e-mail.");

/** An organisation's slug as it appears in URLs. */
export const zSlug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Must be an organisation address (lower-case letters, digits and dashes).");

/** An e-mail address, trimmed and lower-cased. */
export const zEmail = z.string().trim().toLowerCase().max(254).email("Enter a valid e-mail address.");

/** A password as typed: not trimmed, bounded so hashing stays cheap. */
export function zPassword(o: { min?: number; minMessage?: string } = {}) {
  return zText({ max: 256, min: o.min ?? 1, minMessage: o.minMessage, trim: false, multiline: false });
}

// ---------- dates ----------

/** The dates the product accepts anywhere: wide enough for any real record, narrow enough for every database and JS Date. */
export const DATE_MIN = new Date("1900-01-01T00:00:00Z");
export const DATE_MAX = new Date("2200-12-31T23:59:59.999Z");
const RANGE_MESSAGE = "Must be a date between 1900 and 2200.";
const inRange = (d: Date) => d.getTime() >= DATE_MIN.getTime() && d.getTime() <= DATE_MAX.getTime();

/** A calendar date: "YYYY-MM-DD" or a Date, normalised to UTC midnight, between 1900 and 2200. */
export const zDay = z
  .union([z.iso.date(), z.date()], { error: "Must be a date (YYYY-MM-DD)." })
  .transform((d) =>
    typeof d === "string"
      ? new Date(`${d}T00:00:00Z`)
      : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())),
  )
  .refine(inRange, RANGE_MESSAGE);

/** A point in time: a Date, an ISO date-time with offset, or "YYYY-MM-DD" (UTC midnight), between 1900 and 2200. */
export const zInstant = z
  .union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()], { error: "Must be a date and time." })
  .transform((d) => (typeof d === "string" ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : d))
  .refine((d) => !Number.isNaN(d.getTime()) && inRange(d), RANGE_MESSAGE);
