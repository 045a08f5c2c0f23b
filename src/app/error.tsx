"use client";

import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorReference } from "@/components/ui/error-state";

// Never shows error.message: in production it is generic, in development it may hold a stack.
// The digest of a server error is shown as the reference: the server logged it with the
// request's id (src/server/http/request-error.ts).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center"
    >
      <h1 className="text-2xl font-semibold text-ink">Something went wrong</h1>
      <p className="text-sm text-ink-muted">
        This page could not be shown. Try again; if it keeps happening, reload the page or come back later.
      </p>
      {error.digest ? <ErrorReference reference={error.digest} /> : null}
      <div className="mt-2 flex gap-3">
        <Button variant="primary" onClick={reset}>
          Try again
        </Button>
        <ButtonLink href="/">Go to your workspace</ButtonLink>
      </div>
    </main>
  );
}
