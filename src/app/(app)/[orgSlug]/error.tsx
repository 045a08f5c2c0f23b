"use client";

import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";

// Rendered inside the organisation shell, so it must not add a second <main>. Never shows
// error.message (it may be a stack in development); a server error's digest is the reference
// the server logged with the request's id.
export default function OrgError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <ErrorState
        title="Something went wrong"
        message="This page could not be shown. Try again; if it keeps happening, reload the page or come back later."
        reference={error.digest}
        onRetry={reset}
      />
    </Card>
  );
}
