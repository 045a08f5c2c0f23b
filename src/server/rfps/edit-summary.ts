// What the builder's save adds to the shared change sentences (diff.ts): the scope, which
// invitees price, and the size of the document the audit log keeps instead of the document.
// Browser-safe and pure.
import { STAGES } from "../vendors/catalog";
import { questionCount, type RfpContent } from "./content-model";
import { describeRfpChanges, type RfpVersion } from "./diff";

const stageLabel = (code: string) => STAGES.find((s) => s.code === code)?.label ?? code;

/** "Added to the scope: Lyophilisation." — the stages invitees are asked to price. */
export function describeScopeChanges(before: readonly string[], after: readonly string[]): string[] {
  if (before.join() === after.join()) return [];
  const added = after.filter((s) => !before.includes(s));
  const removed = before.filter((s) => !after.includes(s));
  const out: string[] = [];
  if (added.length) out.push(`Added to the scope: ${added.map(stageLabel).join(", ")}.`);
  if (removed.length) out.push(`Removed from the scope: ${removed.map(stageLabel).join(", ")}.`);
  if (!out.length) out.push("Stages in scope reordered.");
  return out;
}

/**
 * What invitees are told when a published RFP is saved: scope, title, summary, due date and the
 * questions; never the weights, which are the sponsor's own business. The builder shows the same
 * list before saving.
 */
export function inviteeChanges(
  before: Omit<RfpVersion, "weights"> & { stages: readonly string[] },
  after: Omit<RfpVersion, "weights"> & { stages: readonly string[] },
): string[] {
  return [
    ...describeScopeChanges(before.stages, after.stages),
    ...describeRfpChanges({ ...before, weights: undefined }, { ...after, weights: undefined }, { forInvitees: true }),
  ];
}

/** "14 questions in 3 sections". */
export function contentSize(c: RfpContent): string {
  const q = questionCount(c);
  const s = c.sections.length;
  return `${q} question${q === 1 ? "" : "s"} in ${s} section${s === 1 ? "" : "s"}`;
}

/** The notification's body: the first few sentences; the RFP page lists them all. */
export function changeBody(title: string, summary: readonly string[]): string {
  const shown = summary.slice(0, 5);
  const more = summary.length - shown.length;
  return [
    `The sponsor changed “${title}”:`,
    ...shown.map((s) => `- ${s}`),
    ...(more > 0 ? [`…and ${more} more; the RFP lists every change.`] : []),
    "Check your answers against the current version before you submit.",
  ].join("\n");
}
