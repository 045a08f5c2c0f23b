import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError, prismaCode, type AppErrorCode } from "../errors/app-error";
import { fieldMessageOf } from "../validation";

const CODE: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
};

/** "Name must be at most 120 characters. E-mail: enter a valid e-mail address." — names every field at fault. */
export function fieldMessage(error: ZodError): string {
  return fieldMessageOf(error.issues);
}

// tRPC wraps anything thrown that is not a TRPCError; the original is its cause.
const rootCause = (e: TRPCError): unknown => e.cause ?? e;

/** Map anything a procedure threw to a TRPCError with a message a user can act on. */
export function toTRPCError(error: TRPCError): TRPCError {
  const cause = rootCause(error);
  if (cause instanceof ZodError) return new TRPCError({ code: "BAD_REQUEST", message: fieldMessage(cause), cause });
  if (cause instanceof AppError) return new TRPCError({ code: CODE[cause.code], message: cause.message, cause });
  const p = prismaCode(cause);
  if (p === "P2002")
    return new TRPCError({ code: "CONFLICT", message: "A record with these details already exists.", cause: error });
  if (p === "P2025") return new TRPCError({ code: "NOT_FOUND", message: "The record was not found.", cause: error });
  if (p === "P2003")
    return new TRPCError({
      code: "BAD_REQUEST",
      message: "This refers to a record that does not exist.",
      cause: error,
    });
  return error;
}
