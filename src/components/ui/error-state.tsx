"use client";

import { Button } from "./button";
import { cn } from "./cn";

/** A failed load: says what went wrong in a sentence and offers a retry when one can help. */
export function ErrorState({
  title = "This could not be loaded",
  message,
  onRetry,
  className,
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
  className?: string;
}) {
  return (
    <div role="alert" className={cn("flex flex-col items-center gap-2 px-6 py-10 text-center", className)}>
      <p className="text-sm font-semibold text-danger-700">{title}</p>
      {message ? <p className="max-w-md text-sm text-ink-muted">{message}</p> : null}
      {onRetry ? (
        <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
