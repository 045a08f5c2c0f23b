// The words a person typed that differ from the version now saved, as plain text to copy back
// after a conflict: changed title and summary, and each question or section that is new or
// different in their copy.
import { QUESTION_KIND_LABELS, type Question, type RfpContent } from "@/server/rfps/content-model";

type Doc = { title: string; summary: string | null; content: RfpContent };

function questionText(q: Question): string {
  const lines = [`${QUESTION_KIND_LABELS[q.kind]}${q.required ? ", required" : ""}: ${q.prompt}`];
  if (q.help) lines.push(`  Help: ${q.help}`);
  if (q.kind === "single" || q.kind === "multi") lines.push(`  Options: ${q.options.join(" | ")}`);
  if (q.kind === "number") lines.push(`  Unit: ${q.unit || "none"}`);
  return lines.join("\n");
}

export function changedText(saved: Doc, mine: Doc): string {
  const out: string[] = [];
  if (saved.title !== mine.title) out.push(`Title: ${mine.title}`);
  if ((saved.summary ?? "") !== (mine.summary ?? "")) out.push(`Summary: ${mine.summary ?? ""}`);
  const savedQuestions = new Map(
    saved.content.sections.flatMap((s) => s.questions.map((q) => [q.id, JSON.stringify(q)] as const)),
  );
  const savedSections = new Map(saved.content.sections.map((s) => [s.id, s] as const));
  for (const s of mine.content.sections) {
    const before = savedSections.get(s.id);
    const changed = s.questions.filter((q) => savedQuestions.get(q.id) !== JSON.stringify(q));
    const renamed = !before || before.title !== s.title || (before.description ?? "") !== (s.description ?? "");
    if (!changed.length && !renamed) continue;
    out.push(`Section “${s.title}”${before ? "" : " (new)"}`);
    if (renamed && s.description) out.push(`  Introduction: ${s.description}`);
    for (const q of changed) out.push(questionText(q).replace(/^/gm, "  "));
  }
  return out.join("\n") || "Nothing differs from the saved version.";
}
