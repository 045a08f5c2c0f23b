// The RFP lifecycle: DRAFT -> PUBLISHED -> CLOSED -> AWARDED / CANCELLED, plus a revision round
// (CLOSED -> PUBLISHED with a new due date). Browser-safe and clock-free: every function takes
// `now`, so the server, the UI and tests with a controlled clock agree.
//
// Closing needs nobody online: a PUBLISHED RFP whose due date has passed *reads* as CLOSED
// everywhere (effectiveStatus); the scheduled job only writes the status down and sends the
// notifications. Services must therefore decide on effectiveStatus, never on the stored column.
import { AppError } from "../errors/app-error";
import { STAGES } from "../vendors/catalog";
import { isValidTimeZone } from "./time-zone";
import { questionCount, rfpContentProblems, ZRfpContent, ZRfpWeights, type RfpContent } from "./content";

import type { RfpStatus } from "./statuses";

// The statuses and their labels are in ./statuses (no zod), for the pages.
export * from "./statuses";

type Clocked = { status: RfpStatus; dueAt: Date | null };

/** The status a reader sees at `now`: a PUBLISHED RFP past its due date is CLOSED. */
export function effectiveStatus(rfp: Clocked, now: Date): RfpStatus {
  if (rfp.status === "PUBLISHED" && rfp.dueAt && rfp.dueAt.getTime() <= now.getTime()) return "CLOSED";
  return rfp.status;
}

/** Whether the stored status lags the clock (what the closing job looks for). */
export function needsClosing(rfp: Clocked, now: Date): boolean {
  return rfp.status === "PUBLISHED" && effectiveStatus(rfp, now) === "CLOSED";
}

const TRANSITIONS: Record<RfpStatus, readonly RfpStatus[]> = {
  DRAFT: ["PUBLISHED", "CANCELLED"],
  // Closing is the clock's (or the job's) doing; a sponsor cancels instead of closing early,
  // so no CDMO loses the time it was promised.
  PUBLISHED: ["CLOSED", "CANCELLED"],
  // PUBLISHED again = a revision round (best and final offer) with a new due date.
  CLOSED: ["AWARDED", "CANCELLED", "PUBLISHED"],
  AWARDED: [],
  CANCELLED: [],
};

export function canTransition(from: RfpStatus, to: RfpStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

const VERB: Record<RfpStatus, string> = {
  DRAFT: "returned to draft",
  PUBLISHED: "published",
  CLOSED: "closed",
  AWARDED: "awarded",
  CANCELLED: "cancelled",
};

const WHY: Record<RfpStatus, string> = {
  DRAFT: "it is still a draft",
  PUBLISHED: "it is open for responses until its due date",
  CLOSED: "it is closed",
  AWARDED: "it has been awarded",
  CANCELLED: "it has been cancelled",
};

/**
 * Throws unless `from` -> `to` is allowed. Pass the *effective* status as `from`. A move that
 * the current state forbids is a CONFLICT (someone else, or the clock, got there first); asking
 * for the status the RFP already has is a BAD_REQUEST.
 */
export function assertTransition(from: RfpStatus, to: RfpStatus): void {
  if (from === to) throw new AppError("BAD_REQUEST", `This RFP is already ${VERB[to]}.`, { field: "status" });
  if (canTransition(from, to)) return;
  const hint =
    from === "PUBLISHED" && to === "AWARDED"
      ? " Wait until the due date has passed, then award it."
      : from === "DRAFT" && to === "CLOSED"
        ? " Publish it first."
        : to === "DRAFT"
          ? " A published RFP cannot go back to draft; edit it while it is open, and invitees are told what changed."
          : "";
  throw new AppError("CONFLICT", `This RFP cannot be ${VERB[to]} because ${WHY[from]}.${hint}`, { field: "status" });
}

/** Sections, questions, due date and weights can be edited (published edits are recorded and notified). */
export function canEditContent(status: RfpStatus): boolean {
  return status === "DRAFT" || status === "PUBLISHED";
}

export function assertCanEditContent(status: RfpStatus): void {
  if (!canEditContent(status))
    throw new AppError("CONFLICT", `This RFP can no longer be edited because ${WHY[status]}.`);
}

/** Whether a CDMO can still save and submit a response at `now`. */
export function acceptsResponses(rfp: Clocked, now: Date): boolean {
  return effectiveStatus(rfp, now) === "PUBLISHED" && !!rfp.dueAt && now.getTime() < rfp.dueAt.getTime();
}

export function assertAcceptsResponses(rfp: Clocked, now: Date): void {
  if (acceptsResponses(rfp, now)) return;
  const s = effectiveStatus(rfp, now);
  throw new AppError(
    "CONFLICT",
    s === "CLOSED"
      ? "The due date for this RFP has passed; responses can no longer be changed or submitted."
      : `This RFP does not accept responses because ${WHY[s]}.`,
  );
}

/** A revision round (best and final offer) reopens a closed RFP; never an awarded or cancelled one. */
export function canOpenRevisionRound(rfp: Clocked, now: Date): boolean {
  return effectiveStatus(rfp, now) === "CLOSED";
}

/** Whether a sponsor can award at `now` (after the due date, before any other ending). */
export function canAward(rfp: Clocked, now: Date): boolean {
  return effectiveStatus(rfp, now) === "CLOSED";
}

/** The shortest notice a CDMO gets: a due date less than this far ahead is refused at publishing. */
export const MIN_RESPONSE_WINDOW_MS = 60 * 60 * 1000;
/** "an hour", "2 hours", "15 minutes": the notice as a sentence says it. */
export function noticeText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes === 60) return "an hour";
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}
/** A due date further out than this is almost certainly a typo (2207 for 2027). */
export const MAX_RESPONSE_WINDOW_MS = 2 * 366 * 24 * 60 * 60 * 1000;

export type PublishProblem = { field: string; message: string };

export type PublishCheckInput = {
  title: string;
  dueAt: Date | null;
  timeZone?: string | null;
  content: RfpContent;
  weights?: unknown;
  /** The stages the RFP asks for (its scope); each needs a price line. */
  stages?: readonly string[];
};

/**
 * Everything that stops a draft (or a revision round) from going out, as sentences naming the
 * field. Empty list = ready. Besides the due date and a first question, a serious RFP needs a
 * valid document, weights that add up, no empty section, and a price line for every stage in scope
 * (otherwise the side-by-side matrix and the portfolio model have nothing to compare).
 */
export function publishProblems(
  rfp: PublishCheckInput,
  now: Date,
  minNoticeMs: number = MIN_RESPONSE_WINDOW_MS,
): PublishProblem[] {
  const out: PublishProblem[] = [];
  if (!rfp.title.trim()) out.push({ field: "title", message: "Give the RFP a title before publishing it." });
  if (!rfp.dueAt) out.push({ field: "dueAt", message: "Set a due date before publishing." });
  else if (rfp.dueAt.getTime() - now.getTime() < minNoticeMs)
    out.push({
      field: "dueAt",
      message:
        rfp.dueAt.getTime() <= now.getTime()
          ? "The due date has already passed. Choose a date in the future."
          : `The due date is less than ${noticeText(minNoticeMs)} away. Give CDMOs time to respond.`,
    });
  else if (rfp.dueAt.getTime() - now.getTime() > MAX_RESPONSE_WINDOW_MS)
    out.push({ field: "dueAt", message: "The due date is more than two years away. Check the year." });
  if (rfp.timeZone !== undefined && rfp.timeZone !== null && !isValidTimeZone(rfp.timeZone))
    out.push({ field: "timeZone", message: "Choose the due date's time zone from the list." });

  const parsed = ZRfpContent.safeParse(rfp.content);
  if (!parsed.success) {
    out.push({ field: "content", message: parsed.error.issues[0]?.message ?? "The questions are not valid." });
  } else {
    for (const p of rfpContentProblems(parsed.data)) out.push({ field: "content", message: p.message });
    if (questionCount(parsed.data) === 0)
      out.push({ field: "content", message: "Add at least one question before publishing." });
    for (const s of parsed.data.sections)
      if (s.questions.length === 0)
        out.push({
          field: "content",
          message: `Section “${s.title}” has no questions. Add one or remove the section.`,
        });
    if (rfp.stages) {
      const priced = new Set(
        parsed.data.sections.flatMap((s) => s.questions.flatMap((q) => (q.kind === "price" ? [q.stage] : []))),
      );
      const missing = rfp.stages.filter((st) => !priced.has(st as never));
      if (missing.length)
        out.push({
          field: "content",
          message: `Add a price line for every stage in scope; missing: ${missing.map(stageLabel).join(", ")}.`,
        });
    }
  }
  if (rfp.weights !== undefined) {
    const w = ZRfpWeights.safeParse(rfp.weights);
    if (!w.success) out.push({ field: "weights", message: w.error.issues[0]?.message ?? "Check the weights." });
  }
  return out;
}

/** Throws the first publishing problem as a BAD_REQUEST naming its field. */
export function assertPublishable(rfp: PublishCheckInput, now: Date, minNoticeMs?: number): void {
  const first = publishProblems(rfp, now, minNoticeMs)[0];
  if (first) throw new AppError("BAD_REQUEST", first.message, { field: first.field });
}

const stageLabel = (code: string) => STAGES.find((s) => s.code === code)?.label ?? code;
