import type { z } from "zod";

/**
 * Error thrown by every function of the decision core on bad input.
 *
 * `path` is the JSON path of the offending value as an array of keys and
 * indices, relative to the object passed to the public function (so the CLI and
 * the tRPC formatter can point at the field without parsing the message).
 */
export type DecisionErrorCode =
  | "INVALID_INPUT" // wrong type, out of range, NaN/Infinity, duplicate id ...
  | "UNKNOWN_ID" // a reference to a stage, vendor or criterion that does not exist
  | "INVALID_ASSIGNMENT"; // an assignment that misses a stage or names a vendor without an offer

export type DecisionPath = (string | number)[];

export class DecisionError extends Error {
  readonly code: DecisionErrorCode;
  readonly path: DecisionPath;

  constructor(code: DecisionErrorCode, message: string, path: DecisionPath = []) {
    super(message);
    this.name = "DecisionError";
    this.code = code;
    this.path = path;
  }

  toJSON(): { code: DecisionErrorCode; message: string; path: DecisionPath } {
    return { code: this.code, message: this.message, path: this.path };
  }
}

export function isDecisionError(e: unknown): e is DecisionError {
  return e instanceof DecisionError;
}

/**
 * Parse with zod and turn the first issue into a DecisionError carrying its path.
 * Only the first issue is reported: the UI shows one sentence, and the rest
 * usually follow from it.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, basePath: DecisionPath = []): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [...basePath, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const where = path.length ? ` at ${path.join(".")}` : "";
  throw new DecisionError("INVALID_INPUT", `${issue.message}${where}`, path);
}
