import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { lazyZodResolver } from "../forms/lazy-resolver";

/**
 * A react-hook-form resolver that validates with the server's own zod schema after turning
 * what the inputs hold (strings, "" for empty) into the schema's input shape. On success the
 * form's submit handler receives the schema's parsed output. `load` imports the schema's module
 * when the form is first validated, so zod (31 KB gzip) is not part of the page's first load.
 */
export function schemaResolver<V extends FieldValues>(
  load: () => Promise<z.ZodType>,
  clean: (values: V) => unknown,
): Resolver<V> {
  const inner = lazyZodResolver(load as () => Promise<z.ZodType<FieldValues, FieldValues>>);
  return (async (values: V, ctx: unknown, options: unknown) =>
    inner(clean(values) as FieldValues, ctx, options as never)) as unknown as Resolver<V>;
}

/** "" (or a disabled input's undefined) -> undefined, otherwise the trimmed text. */
export const optional = (s: string | null | undefined) => (!s || s.trim() === "" ? undefined : s.trim());
/** "" -> undefined, otherwise a number (NaN fails the schema with its own message). */
export const optionalNumber = (s: string | null | undefined) => (!s || s.trim() === "" ? undefined : Number(s));
