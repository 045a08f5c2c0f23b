"use client";

import { toast } from "sonner";

type Ids = { id: string; action: string; entityType: string; entityId: string; actorId: string | null };

/** The entry's ids and keys, one click away: a disclosure with a copy button for the record id. */
export function AuditIds({ row }: { row: Ids }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(row.entityId);
      toast.success("Record id copied.");
    } catch {
      toast.error("The browser did not allow copying. Select the id and copy it instead.");
    }
  };
  return (
    <details className="group text-xs">
      <summary className="cursor-pointer text-brand-700 underline hover:text-brand-900">Ids</summary>
      {/* Wide enough for a UUID on one line: the column grows only while the details are open. */}
      <dl className="mt-1 w-72 space-y-0.5 font-mono text-ink-muted [&_dt]:font-sans [&_dt]:text-ink">
        <dt>Record</dt>
        <dd className="break-all">
          {row.entityType} {row.entityId}
        </dd>
        <dt>Action</dt>
        <dd className="break-all">{row.action}</dd>
        <dt>Actor</dt>
        <dd className="break-all">{row.actorId ?? "—"}</dd>
        <dt>Entry</dt>
        <dd className="break-all">{row.id}</dd>
      </dl>
      <button
        type="button"
        onClick={() => void copy()}
        className="mt-1 rounded border border-line-strong px-2 py-0.5 text-ink hover:bg-canvas"
      >
        Copy record id
      </button>
    </details>
  );
}
