// Everything that stops a save, as sentences that say where ("Section 2, question 3, options: …")
// and which form field to send the cursor to. The same schema as the server's, run in the browser.
import { contentIssueMessage } from "@/server/rfps/content-errors";
import { ZRfpDocument } from "@/server/rfps/edit-schemas";
import { bareMessage, fieldLabel } from "@/server/validation";
import { cleanBuilderValues, type BuilderValues } from "./builder-values";
import type { Problem } from "./problem-focus";

export { focusTargetId, type Problem } from "./problem-focus";

const LABELS: Record<string, string> = {
  dueAt: "Due date",
  timeZone: "Time zone",
  committeeOpening: "Committee opening",
  weights: "Weights",
  stages: "Stages in scope",
};

const lowerFirst = (s: string) =>
  s.length > 1 && /[A-Z]/.test(s[0]!) && /[a-z ]/.test(s[1]!) ? s[0]!.toLowerCase() + s.slice(1) : s;

/** The form path to focus for a schema path (the due date is typed as a local time). */
function formPath(path: readonly PropertyKey[]): string {
  if (path[0] === "dueAt") return "dueLocal";
  if (path[0] === "weights") return typeof path[1] === "string" ? `weights.${path[1]}` : "weights.capability";
  return path.map(String).join(".");
}

export function builderProblems(values: BuilderValues): Problem[] {
  const r = ZRfpDocument.safeParse(cleanBuilderValues(values));
  if (r.success) return [];
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const issue of r.error.issues) {
    const message =
      issue.path[0] === "content"
        ? contentIssueMessage({ path: issue.path.slice(1), message: bareMessage(issue) })
        : `${LABELS[String(issue.path[0])] ?? fieldLabel(issue.path)}: ${lowerFirst(bareMessage(issue))}`;
    if (seen.has(message)) continue;
    seen.add(message);
    out.push({ message, path: formPath(issue.path) });
  }
  return out;
}
