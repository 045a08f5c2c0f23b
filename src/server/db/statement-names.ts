import { createHash } from "node:crypto";

/**
 * Names the app's SQL statements by their text, so PostgreSQL parses, rewrites (the row-level
 * security policies are expanded there) and plans each hot statement once per connection instead
 * of on every request; bench/README.md has the figures. node-postgres keeps a named statement for
 * the connection's life, so only the first `max` distinct texts get a name and the rest run
 * unnamed as before (an empty name is an unnamed statement to node-postgres).
 */
export function statementNamer(max = 500): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= max) return "";
    const name = `cdmo_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`;
    names.set(sql, name);
    return name;
  };
}
