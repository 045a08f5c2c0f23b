// Between the editor's inputs and answer values: numbers typed as text, and the messages the
// domain's own submit schema gives for an answer, per part (a price line's price, duration...).
import { answerSchemaFor, isBlankAnswer, type Question } from "@/server/rfps/content";
import { bareMessage } from "@/server/validation";

/**
 * A number as typed: "" is no value, "1,250,000" and "1 250 000.50" are numbers, anything else
 * is not (yet) one. Commas and spaces are taken as thousands separators.
 */
export function parseNumberInput(text: string): number | null | "invalid" {
  const t = text.trim().replace(/[\s,\u00a0\u202f]/g, "");
  if (t === "") return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return "invalid";
  const n = Number(t);
  return Number.isFinite(n) ? n : "invalid";
}

/** A stored number shown in its input (no separators added, so what is typed stays as typed). */
export const numberText = (n: unknown): string => (typeof n === "number" && Number.isFinite(n) ? String(n) : "");

/** Messages for a given (non-blank) answer by part: "answer" for the whole, else the price line's field. */
export function answerIssues(question: Question, value: unknown): Record<string, string> {
  if (isBlankAnswer(question, value)) return {};
  const r = answerSchemaFor(question, "submit").safeParse(value);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const head = issue.path[0];
    const field = question.kind === "price" && typeof head === "string" ? head : "answer";
    // Shown beside the input, whose label names it already.
    out[field] ??= bareMessage(issue);
  }
  return out;
}

/** A price line's fields with one changed; an emptied line is no answer. */
export function withPriceField(value: unknown, field: string, next: unknown): Record<string, unknown> | null {
  const prev = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...prev };
  if (next === null || next === undefined || next === "") delete out[field];
  else out[field] = next;
  return Object.keys(out).length ? out : null;
}
