// Small shared pieces of the builder's form: DOM ids derived from form paths (so an error
// summary can point at the field) and error lookup by path.
import type { FieldErrors } from "react-hook-form";
import type { BuilderValues } from "./builder-values";

/** "content.sections.1.questions.2.prompt" -> "rfp-content-sections-1-questions-2-prompt". */
export const fieldId = (path: string) => `rfp-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;

type ErrorNode = { message?: string; root?: { message?: string } } & Record<string, unknown>;

/** The error message at `path` in react-hook-form's nested errors, if any. */
export function errorAt(errors: FieldErrors<BuilderValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (node == null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const n = node as ErrorNode | undefined;
  return n?.message ?? n?.root?.message;
}

/** Whether anything under `path` has an error. */
export function hasErrorUnder(errors: FieldErrors<BuilderValues>, path: string): boolean {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (node == null || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node != null;
}

export const textareaClass =
  "block w-full rounded-md border bg-surface px-3 py-2 text-sm text-ink shadow-sm placeholder:text-ink-muted disabled:bg-canvas disabled:opacity-70 aria-[invalid=true]:border-danger-600 border-line-strong";
