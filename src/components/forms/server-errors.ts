import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type ServerErrorData = {
  code?: string;
  zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null;
  field?: string | null;
};
type ServerError = { message?: string; data?: ServerErrorData | null };

const FALLBACK = "Something went wrong. Check your connection and try again.";

/** The sentence to show for any error a tRPC call (or anything else) threw. */
export function errorMessage(err: unknown): string {
  const msg = (err as ServerError | null)?.message;
  if (!msg || /fetch failed|Failed to fetch|NetworkError/i.test(msg)) return FALLBACK;
  return msg;
}

/** The tRPC error code ("FORBIDDEN", "CONFLICT", ...) when there is one. */
export function errorCode(err: unknown): string | undefined {
  return (err as ServerError | null)?.data?.code ?? undefined;
}

/**
 * Put a server error beside the fields it is about (zod field errors, or the domain
 * error's `field`); anything else goes to `root.server`, which forms show above the submit.
 */
export function applyServerError<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): void {
  const data = (err as ServerError | null)?.data;
  let placed = false;
  const fieldErrors = data?.zodError?.fieldErrors ?? {};
  for (const f of fields) {
    const msgs = fieldErrors[f];
    if (msgs?.length) {
      setError(f, { type: "server", message: msgs[0] });
      placed = true;
    }
  }
  if (!placed && data?.field && (fields as readonly string[]).includes(data.field)) {
    setError(data.field as Path<T>, { type: "server", message: errorMessage(err) }, { shouldFocus: true });
    placed = true;
  }
  if (!placed) setError("root.server" as Path<T>, { type: "server", message: errorMessage(err) });
}
