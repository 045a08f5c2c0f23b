import type { FieldValues, Resolver } from "react-hook-form";
import type * as z4 from "zod/v4/core";

/**
 * A react-hook-form resolver whose zod schema (and zod itself, 31 KB gzip) loads when the form is
 * first validated, usually at the first submit, rather than with the page: a sign-in or invitation
 * page is otherwise mostly zod. `load` is an `import()` of the module that defines the schema, so
 * the browser checks exactly what the server checks. Later validations reuse the loaded resolver.
 */
export function lazyZodResolver<S extends z4.$ZodType<FieldValues, FieldValues>>(
  load: () => Promise<S>,
): Resolver<z4.input<S>, unknown, z4.output<S>> {
  let ready: Promise<Resolver<z4.input<S>, unknown, z4.output<S>>> | undefined;
  const resolver = () =>
    (ready ??= Promise.all([import("@hookform/resolvers/zod"), load()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema) as Resolver<z4.input<S>, unknown, z4.output<S>>,
    ));
  return async (values, context, options) => (await resolver())(values, context, options);
}
