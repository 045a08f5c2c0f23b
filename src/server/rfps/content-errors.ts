// Where in an RFP document a validation problem is, in the builder's words. zod reports paths
// like ["sections", 1, "questions", 2, "options", 0]; a person needs "Section 2, question 3,
// option 1". Browser-safe: the builder shows these beside the question, the server puts them in
// the message of a refused save.

import { bareMessage } from "../validation/messages";

type Key = PropertyKey;

const FIELD_NAMES: Record<string, string> = {
  id: "id",
  kind: "type",
  prompt: "question text",
  help: "help text",
  required: "required",
  maxLength: "maximum length",
  unit: "unit",
  min: "minimum",
  max: "maximum",
  options: "options",
  accept: "file types",
  stage: "stage",
  title: "title",
  description: "description",
  questions: "questions",
};

/** "Section 2, question 3, option 1" for a path inside the document; "" for the document itself. */
export function contentLocation(path: readonly Key[]): string {
  const parts: string[] = [];
  let i = 0;
  if (path[0] === "sections") {
    i = 1;
    if (typeof path[1] === "number") {
      parts.push(`Section ${path[1] + 1}`);
      i = 2;
      if (path[2] === "questions" && typeof path[3] === "number") {
        parts.push(`question ${path[3] + 1}`);
        i = 4;
      }
    }
  }
  const field = path[i];
  if (typeof field === "string") {
    const index = path[i + 1];
    if (field === "options" && typeof index === "number") parts.push(`option ${index + 1}`);
    else if (field === "accept" && typeof index === "number") parts.push(`file type ${index + 1}`);
    else if (!(field === "questions" && parts.length === 1)) parts.push(FIELD_NAMES[field] ?? field);
  }
  return parts.join(", ");
}

/** Messages from the document-wide checks (content.ts) already say which question they are about. */
const SELF_LOCATED = /^(Question \d+ in|Section “|An RFP )/;

const lowerFirst = (s: string) =>
  s.length > 1 && /[A-Z]/.test(s[0]!) && /[a-z ]/.test(s[1]!) ? s[0]!.toLowerCase() + s.slice(1) : s;

/** "Section 2, question 3, option 1: an option cannot be empty." */
export function contentIssueMessage(issue: { path: readonly Key[]; message: string }): string {
  // The error map's sentence names the field by its zod path; here the location says it.
  const msg = bareMessage(issue);
  if (SELF_LOCATED.test(msg)) return msg;
  const where = contentLocation(issue.path);
  return where ? `${where}: ${lowerFirst(msg)}` : msg;
}

/** The path as a dotted key ("sections.1.questions.2.options") for matching a problem to its input. */
export const pathKey = (path: readonly Key[]) => path.map(String).join(".");
