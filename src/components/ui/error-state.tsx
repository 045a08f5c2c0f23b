"use client";

import { Button } from "./button";
import { cn } from "./cn";

/**
 * A failed load: says what went wrong in a sentence and offers a retry when one can help.
 * `reference` (a server error's digest) is what the user quotes to support; the server logged it.
 */
export function ErrorState({
  title = "This could not be loaded",
  message,
  reference,
  onRetry,
  className,
}: {
  title?: string;
  message?: string;
  reference?: string;
  onRetry?: () => void;
  className?: string;
}) {
  return (
    <div role="alert" className={cn("flex flex-col items-center gap-2 px-6 py-10 text-center", className)}>
      <p className="text-sm font-semibold text-danger-700">{title}</p>
      {message ? <p className="max-w-md text-sm text-ink-muted">{message}</p> : null}
      {reference ? <ErrorReference reference={reference} /> : null}
      {onRetry ? (
        <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

/** "Reference: 2417745391", selectable, for error pages and states. */
export function ErrorReference({ reference }: { reference: string }) {
  return (
    <p className="text-xs text-ink-muted">
      Reference: <span className="font-mono select-all">{reference}</span>
    </p>
  );
}
