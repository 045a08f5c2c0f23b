// Domain code throws AppError; the tRPC error formatter maps `code` to a tRPC code.
// Messages are sentences a user can act on; never a stack or SQL.
export type AppErrorCode =
  "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS" | "PRECONDITION_FAILED";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Optional field the message is about, shown beside that field in forms. */
  readonly field?: string;

  constructor(code: AppErrorCode, message: string, options?: { field?: string; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options?.field;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "Your role does not allow this action.") => new AppError("FORBIDDEN", message);
export const conflict = (message = "Someone else changed this record. Reload and try again.") =>
  new AppError("CONFLICT", message);

/** The Prisma error code ("P2002", "P2003", ...) of anything thrown, if it has one. */
export function prismaCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}
