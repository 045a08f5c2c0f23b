// What changed between two versions of an RFP, as short sentences for the invitees' notification,
// the RfpChange record and the audit log ("Question “Max titre” added to Technical capability.",
// "Due date moved from … to …"). Questions and sections are matched by id, so a reworded question
// is "reworded", not "removed and added". Browser-safe.
import { STAGES } from "../vendors/catalog";
import {
  WEIGHT_KEYS,
  WEIGHT_LABELS,
  type Question,
  type RfpContent,
  type RfpWeights,
  type Section,
} from "./content-model";
import { formatInZone } from "./time-zone";

const q = (s: string, n = 60) => `“${s.length > n ? `${s.slice(0, n - 1)}…` : s}”`;
const stageLabel = (code: string) => STAGES.find((s) => s.code === code)?.label ?? code;

type Located = { question: Question; section: Section; index: number };

function index(content: RfpContent): Map<string, Located> {
  const m = new Map<string, Located>();
  for (const section of content.sections)
    section.questions.forEach((question, i) => m.set(question.id, { question, section, index: i }));
  return m;
}

/** The parts of one question that changed, in words ("wording", "now required", "options"...). */
function questionChanges(a: Question, b: Question): string[] {
  const out: string[] = [];
  if (a.kind !== b.kind) out.push(`type changed to ${b.kind === "yesno" ? "yes/no" : b.kind}`);
  if (a.prompt !== b.prompt) out.push(`reworded to ${q(b.prompt)}`);
  if ((a.help ?? "") !== (b.help ?? "")) out.push("help text changed");
  if (a.required !== b.required) out.push(b.required ? "now required" : "now optional");
  if (a.kind === b.kind) {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const same = (k: string) => JSON.stringify(x[k] ?? null) === JSON.stringify(y[k] ?? null);
    if (!same("options")) out.push("options changed");
    if (!same("unit")) out.push(`unit changed to ${String(y.unit ?? "none")}`);
    if (!same("min") || !same("max")) out.push("allowed range changed");
    if (!same("maxLength")) out.push("length limit changed");
    if (!same("accept")) out.push("accepted file types changed");
    if (!same("stage")) out.push(`stage changed to ${stageLabel(String(y.stage))}`);
  }
  return out;
}

/** Sentences for what changed in sections and questions, in the order a reader scans the RFP. */
export function describeContentChanges(before: RfpContent, after: RfpContent): string[] {
  const out: string[] = [];
  const beforeSections = new Map(before.sections.map((s) => [s.id, s]));
  const afterSections = new Map(after.sections.map((s) => [s.id, s]));

  for (const s of after.sections) {
    const old = beforeSections.get(s.id);
    if (!old) out.push(`Section ${q(s.title)} added.`);
    else {
      if (old.title !== s.title) out.push(`Section ${q(old.title)} renamed to ${q(s.title)}.`);
      if ((old.description ?? "") !== (s.description ?? "")) out.push(`Introduction of ${q(s.title)} changed.`);
    }
  }
  for (const s of before.sections)
    if (!afterSections.has(s.id))
      out.push(
        `Section ${q(s.title)} removed${s.questions.length ? ` with its ${s.questions.length === 1 ? "question" : `${s.questions.length} questions`}` : ""}.`,
      );
  const keptOrder = (ids: string[], other: Map<string, unknown>) => ids.filter((id) => other.has(id));
  if (
    keptOrder(
      before.sections.map((s) => s.id),
      afterSections,
    ).join() !==
    keptOrder(
      after.sections.map((s) => s.id),
      beforeSections,
    ).join()
  )
    out.push("Sections reordered.");

  const was = index(before);
  const now = index(after);
  for (const s of after.sections) {
    for (const question of s.questions) {
      const prev = was.get(question.id);
      if (!prev) {
        out.push(`Question ${q(question.prompt)} added to ${s.title}.`);
        continue;
      }
      if (prev.section.id !== s.id)
        out.push(`Question ${q(question.prompt)} moved from ${prev.section.title} to ${s.title}.`);
      const changes = questionChanges(prev.question, question);
      if (changes.length) out.push(`Question ${q(prev.question.prompt)} in ${s.title}: ${changes.join(", ")}.`);
    }
  }
  for (const [id, prev] of was)
    if (!now.has(id) && afterSections.has(prev.section.id))
      out.push(`Question ${q(prev.question.prompt)} removed from ${afterSections.get(prev.section.id)!.title}.`);

  for (const s of after.sections) {
    const old = beforeSections.get(s.id);
    if (!old) continue;
    const stayed = (list: Question[]) =>
      list.map((x) => x.id).filter((id) => was.get(id)?.section.id === s.id && now.get(id)?.section.id === s.id);
    if (stayed(old.questions).join() !== stayed(s.questions).join()) out.push(`Questions in ${s.title} reordered.`);
  }
  return out;
}

type Schedule = { dueAt: Date | null; timeZone: string };

/** "Due date moved from Fri, 15 Jan 2027, 17:00 CET to Fri, 22 Jan 2027, 17:00 CET." (in the RFP's zone). */
export function describeScheduleChanges(before: Schedule, after: Schedule): string[] {
  const fmt = (d: Date, tz: string) => formatInZone(d, tz);
  const dueChanged = (before.dueAt?.getTime() ?? null) !== (after.dueAt?.getTime() ?? null);
  if (dueChanged) {
    if (!after.dueAt) return ["Due date removed."];
    if (!before.dueAt) return [`Due date set to ${fmt(after.dueAt, after.timeZone)}.`];
    return [`Due date moved from ${fmt(before.dueAt, after.timeZone)} to ${fmt(after.dueAt, after.timeZone)}.`];
  }
  if (before.timeZone !== after.timeZone)
    return [
      after.dueAt
        ? `Due date now given in ${after.timeZone} time: ${fmt(after.dueAt, after.timeZone)} (the same moment as before).`
        : `Time zone changed from ${before.timeZone} to ${after.timeZone}.`,
    ];
  return [];
}

/** "Pricing weight changed from 25% to 30%." — for the audit log (invitees are not told the weights). */
export function describeWeightChanges(before: RfpWeights, after: RfpWeights): string[] {
  return WEIGHT_KEYS.filter((k) => before[k] !== after[k]).map(
    (k) => `${WEIGHT_LABELS[k]} weight changed from ${before[k]}% to ${after[k]}%.`,
  );
}

export type RfpVersion = {
  title: string;
  summary?: string | null;
  dueAt: Date | null;
  timeZone: string;
  content: RfpContent;
  weights?: RfpWeights;
};

/** Longest list a notification carries; the rest is counted in a last sentence. */
export const MAX_CHANGE_SENTENCES = 20;

/**
 * Everything that changed between two versions. `forInvitees` leaves out the evaluation weights
 * (the sponsor's own business) and caps the list at MAX_CHANGE_SENTENCES with "…and N more changes.".
 */
export function describeRfpChanges(before: RfpVersion, after: RfpVersion, o: { forInvitees?: boolean } = {}): string[] {
  const out: string[] = [];
  if (before.title !== after.title) out.push(`Title changed to ${q(after.title, 120)}.`);
  if ((before.summary ?? "") !== (after.summary ?? "")) out.push("Summary changed.");
  out.push(...describeScheduleChanges(before, after));
  out.push(...describeContentChanges(before.content, after.content));
  if (!o.forInvitees && before.weights && after.weights)
    out.push(...describeWeightChanges(before.weights, after.weights));
  if (o.forInvitees && out.length > MAX_CHANGE_SENTENCES) {
    const rest = out.length - (MAX_CHANGE_SENTENCES - 1);
    return [...out.slice(0, MAX_CHANGE_SENTENCES - 1), `…and ${rest} more changes.`];
  }
  return out;
}
