// What a user reads when a request failed on our side (tRPC's errorFormatter, the file routes):
// never the error itself, which may name tables, values or code, but the request's id, which
// support finds in the log line written for the failure (src/server/log.ts).

export function internalErrorMessage(requestId: string | undefined): string {
  const reference = requestId ? ` Reference: ${requestId}` : "";
  return `Something went wrong on our side. Try again; if it persists, contact support.${reference}`;
}

/** A failure before a request had its context (the session lookup), still carrying the request's id. */
export class RequestFailure extends Error {
  constructor(
    readonly requestId: string,
    cause: unknown,
  ) {
    super("The request failed before its context was ready.", { cause });
  }
}
