/**
 * Errors of the command line itself (as opposed to DecisionError from the core).
 * Both print the same shape on stderr: {"error":{"code","message","path"}},
 * where `path` is always an array of keys and indices into the input document
 * ([] when the problem is not inside the document, e.g. an unknown command).
 */
export type CliErrorCode =
  "UNKNOWN_COMMAND" | "INVALID_ARGS" | "INVALID_JSON" | "INPUT_NOT_READABLE" | "INVALID_FILE" | "NOT_FOUND";

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly path: (string | number)[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}

export interface ErrorBody {
  error: { code: string; message: string; path: (string | number)[] };
}
