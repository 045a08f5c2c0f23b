/** Renders an audit entry's {field: {old, new}} as "field: old → new" lines. */
export function ChangesList({ changes }: { changes: unknown }) {
  const entries = normalise(changes);
  if (!entries.length) return <span className="text-ink-muted">—</span>;
  return (
    <ul className="space-y-0.5">
      {entries.map(([field, oldV, newV]) => (
        <li key={field} className="font-mono text-xs break-all text-ink">
          <span className="font-semibold">{field}</span>: {show(oldV)} <span aria-hidden="true">→</span>
          <span className="sr-only">changed to</span> {show(newV)}
        </li>
      ))}
    </ul>
  );
}

type Entry = [field: string, oldV: unknown, newV: unknown];

function normalise(changes: unknown): Entry[] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, v]) => {
    if (v && typeof v === "object" && ("old" in v || "new" in v)) {
      const fc = v as { old?: unknown; new?: unknown };
      return [field, fc.old ?? null, fc.new ?? null];
    }
    return [field, null, v];
  });
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}
