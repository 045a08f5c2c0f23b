// A save problem and where to put the cursor for it; apart from ./builder-problems, which runs
// the RFP schema and loads only when a save is refused.
export type Problem = { message: string; /** Form path of the field to focus. */ path: string };

/**
 * The element to focus for a form path: the field itself, or the nearest enclosing part that
 * has an element (an option's question, a question's section).
 */
export function focusTargetId(
  path: string,
  exists: (id: string) => boolean,
  idOf: (p: string) => string,
): string | null {
  const parts = path.split(".");
  while (parts.length) {
    for (const suffix of ["", ".prompt", ".title"]) {
      const id = idOf(parts.join(".") + suffix);
      if (exists(id)) return id;
    }
    parts.pop();
  }
  return null;
}
