import Link from "next/link";
import type { AuditChange, AuditValue } from "@/server/audit/audit-view";

/** An entry's changed fields as "Quality score: 100 → 82", names linked; unchanged fields never reach here. */
export function ChangesList({ changes }: { changes: readonly AuditChange[] }) {
  if (!changes.length) return <span className="text-ink-muted">No field changes</span>;
  return (
    <ul className="space-y-0.5">
      {changes.map((c) => (
        <li key={c.field} className="text-sm wrap-anywhere text-ink">
          <span className="font-medium">{c.label}</span>: <Value v={c.old} className="text-ink-muted" />{" "}
          <span aria-hidden="true">→</span>
          <span className="sr-only">changed to</span> <Value v={c.new} />
        </li>
      ))}
    </ul>
  );
}

function Value({ v, className }: { v: AuditValue; className?: string }) {
  if (v.ref?.href)
    return (
      <Link href={v.ref.href} className="text-brand-700 underline hover:text-brand-900">
        {v.text}
      </Link>
    );
  return <span className={className}>{v.text}</span>;
}
