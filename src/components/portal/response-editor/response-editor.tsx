"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { errorCode, errorMessage } from "@/components/forms/server-errors";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { DraftEditor } from "./draft-editor";
import { lockedReason } from "./locked-reason";
import { ReadOnlyResponse } from "./read-only-response";
import { RoundSwitcher } from "./round-switcher";

/**
 * The CDMO's response to one RFP: the current round's draft to edit (autosaved), or read-only
 * with its receipt once submitted or once the RFP stops accepting responses; earlier rounds are
 * readable through the round switcher. Opening it while the RFP is open starts the draft (the
 * server prefills a revision round from the last submitted one).
 */
export function ResponseEditor({
  orgSlug,
  rfpId,
  canWrite,
  canSubmit,
}: {
  orgSlug: string;
  rfpId: string;
  canWrite: boolean;
  canSubmit: boolean;
}) {
  const trpc = useTRPC();
  const current = useQuery({
    ...trpc.portal.response.get.queryOptions({ orgSlug, rfpId }),
    // The editor owns the answers once loaded; a background refetch must not replace them.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    staleTime: Infinity,
  });
  const [picked, setPicked] = useState<number | null>(null);
  const data = current.data;
  const shownRound = picked ?? data?.response?.round ?? data?.rfp.round ?? 1;
  const past = useQuery({
    ...trpc.portal.response.get.queryOptions({ orgSlug, rfpId, round: shownRound }),
    enabled: !!data && picked !== null && picked !== data.response?.round,
  });

  if (current.isPending) return <EditorSkeleton />;
  if (current.isError)
    return (
      <Card>
        <ErrorState
          title={
            errorCode(current.error) === "FORBIDDEN"
              ? "You cannot open this response"
              : "Your response could not be loaded"
          }
          message={errorMessage(current.error)}
          onRetry={errorCode(current.error) === "FORBIDDEN" ? undefined : () => void current.refetch()}
        />
      </Card>
    );
  if (!data) return null;
  const { response } = data;
  if (!response)
    return (
      <Card>
        <EmptyState title="No response" description={noResponseReason(data.rfp.status)} />
      </Card>
    );

  const switcher = (
    <RoundSwitcher
      versions={data.versions}
      current={data.rfp.round}
      selected={shownRound}
      onSelect={(r) => setPicked(r === response.round ? null : r)}
    />
  );

  if (picked !== null && picked !== response.round) {
    return (
      <>
        {switcher}
        {past.isPending ? (
          <EditorSkeleton />
        ) : past.isError || !past.data.response ? (
          <Card>
            <ErrorState message={past.isError ? errorMessage(past.error) : "This round has no response."} />
          </Card>
        ) : (
          <ReadOnlyResponse
            orgSlug={orgSlug}
            content={data.content}
            response={past.data.response}
            notice={`Round ${picked} as your organisation left it. It is kept unchanged; the current round is ${data.rfp.round}.`}
          />
        )}
      </>
    );
  }

  return (
    <>
      {switcher}
      {data.editable && canWrite ? (
        <DraftEditor key={response.id} orgSlug={orgSlug} data={data} draft={response} canSubmit={canSubmit} />
      ) : (
        <ReadOnlyResponse
          orgSlug={orgSlug}
          content={data.content}
          response={response}
          notice={lockedReason(data, response, canWrite)}
          deviceEditsOf={rfpId}
        />
      )}
    </>
  );
}

/** Why there is nothing to show: the RFP stopped accepting responses before this organisation started one. */
function noResponseReason(status: string): string {
  const before = "before your organisation started a response, so there is nothing to show.";
  if (status === "CANCELLED") return `The sponsor cancelled this RFP ${before}`;
  if (status === "AWARDED") return `The sponsor decided this RFP ${before}`;
  return `The due date passed ${before}`;
}

function EditorSkeleton() {
  return (
    <div role="status" aria-label="Loading your response" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-4">
        {[0, 1].map((i) => (
          <Card key={i} className="space-y-3 p-5">
            <Skeleton className="h-5 w-1/3" />
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-10 w-1/3" />
          </Card>
        ))}
      </div>
      <Card className="space-y-3 p-5">
        <Skeleton className="h-5 w-1/2" />
        <Skeleton className="h-2 w-full" />
        <Skeleton className="h-10 w-full" />
      </Card>
    </div>
  );
}
