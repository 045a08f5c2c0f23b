"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

function ChangeList({ items, empty }: { items: string[]; empty: string }) {
  if (!items.length) return <p className="text-sm">{empty}</p>;
  return (
    <ul className="list-disc space-y-0.5 pl-5 text-sm">
      {items.slice(0, 12).map((s, i) => (
        <li key={i}>{s}</li>
      ))}
      {items.length > 12 ? <li>…and {items.length - 12} more.</li> : null}
    </ul>
  );
}

/**
 * Someone else saved first. Nothing typed here is lost: the form keeps it. The panel lists what
 * they changed and what you changed (both against the version you opened), and offers to load
 * their version (yours stays listed beside it) or to save yours over theirs.
 */
export function ConflictPanel({
  theirs,
  mine,
  loading,
  onLoadTheirs,
  onOverwrite,
}: {
  theirs: string[] | null;
  mine: string[];
  loading: boolean;
  onLoadTheirs: () => void;
  onOverwrite: () => void;
}) {
  return (
    <Alert tone="warning" title="Someone else saved this RFP while you were editing" className="space-y-3">
      <p>
        Your changes have not been saved, and nothing you typed is lost: it is all still in the form below. Reload their
        version and apply your changes again, or save yours over theirs.
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div>
          <p className="font-semibold">They changed</p>
          {theirs === null ? (
            <p className="text-sm">Loading their version…</p>
          ) : (
            <ChangeList items={theirs} empty="Nothing you would see here (their save changed no text)." />
          )}
        </div>
        <div>
          <p className="font-semibold">You changed (not saved)</p>
          <ChangeList items={mine} empty="Nothing yet." />
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="primary" size="sm" onClick={onLoadTheirs} disabled={loading || theirs === null}>
          Reload their version
        </Button>
        <ConfirmDialog
          trigger={
            <Button variant="secondary" size="sm" disabled={loading || theirs === null}>
              Save mine over theirs
            </Button>
          }
          title="Replace their changes with yours?"
          description="What they changed and you did not touch is replaced by your version of the whole RFP. Their save stays in the audit log."
          confirmLabel="Save mine"
          onConfirm={onOverwrite}
        />
      </div>
    </Alert>
  );
}

/** After loading their version: what you had typed, to apply again. */
export function MineAsidePanel({ mine, text, onDismiss }: { mine: string[]; text: string; onDismiss: () => void }) {
  return (
    <Alert tone="info" title="Their version is loaded. Your unsaved changes, to apply again:">
      <ChangeList items={mine} empty="You had changed nothing." />
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium">Show the text you had typed</summary>
        <pre className="mt-2 max-h-72 overflow-auto rounded border border-brand-200 bg-surface p-3 text-xs whitespace-pre-wrap text-ink">
          {text}
        </pre>
      </details>
      <Button size="sm" variant="ghost" className="mt-2" onClick={onDismiss}>
        Dismiss
      </Button>
    </Alert>
  );
}
