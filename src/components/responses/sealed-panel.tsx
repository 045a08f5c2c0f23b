"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { LocalTime } from "../ui/local-time";
import { Countdown } from "./countdown";

type Seal = {
  state:
    | { visible: true }
    | { visible: false; reason: "before-due-date"; opensAt: Date | null }
    | { visible: false; reason: "awaiting-committee"; openingsNeeded: number };
  dueAt: Date | null;
  duePassed: boolean;
  committeeOpening: boolean;
  cancelledUnopened: boolean;
  message: string;
};

/**
 * A sealed round: when it opens (with a countdown), how many responses arrived and when, and the
 * committee's "Open the bids" once the due date has passed.
 */
export function SealedPanel({
  orgSlug,
  rfpId,
  round,
  seal,
  submissions,
  canOpenBids,
  onChanged,
}: {
  orgSlug: string;
  rfpId: string;
  round: number;
  seal: Seal;
  submissions: { count: number; times: Date[] };
  canOpenBids: boolean;
  onChanged: () => void;
}) {
  const opensAt = !seal.state.visible && seal.state.reason === "before-due-date" ? seal.state.opensAt : null;
  return (
    <Card aria-labelledby="sealed-heading">
      <CardHeader
        id="sealed-heading"
        title={
          opensAt ? "Sealed until the due date" : seal.cancelledUnopened ? "Sealed" : "Sealed until the bids are opened"
        }
        description={seal.message}
      />
      <CardBody className="space-y-4">
        {opensAt ? (
          <p className="text-sm text-ink">
            Opens <LocalTime value={opensAt} pattern="PPpp" /> — in{" "}
            <Countdown until={new Date(opensAt)} onDone={onChanged} />
          </p>
        ) : null}
        <div>
          <p className="text-sm font-medium text-ink">
            {submissions.count === 0
              ? "No responses submitted yet."
              : `${submissions.count} ${submissions.count === 1 ? "response" : "responses"} submitted`}
          </p>
          {submissions.count > 0 ? (
            <ul className="mt-1 list-inside list-disc text-sm text-ink-muted">
              {submissions.times.map((t, i) => (
                <li key={i}>
                  <LocalTime value={t} />
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-xs text-ink-muted">
            Who responded, their answers and their prices stay sealed until then, on this page, in exports and in files.
          </p>
        </div>
        {seal.committeeOpening && seal.duePassed && !seal.cancelledUnopened ? (
          <Committee orgSlug={orgSlug} rfpId={rfpId} round={round} canOpenBids={canOpenBids} onChanged={onChanged} />
        ) : null}
      </CardBody>
    </Card>
  );
}

function Committee({
  orgSlug,
  rfpId,
  round,
  canOpenBids,
  onChanged,
}: {
  orgSlug: string;
  rfpId: string;
  round: number;
  canOpenBids: boolean;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.bids.status.queryOptions({ orgSlug, rfpId, round }));
  const open = useMutation(trpc.bids.open.mutationOptions());
  const run = async () => {
    try {
      const s = await open.mutateAsync({ orgSlug, rfpId, round });
      toast.success(
        s.state.visible ? "The bids are open." : "Your opening is recorded. One more member must open the bids.",
      );
      void queryClient.invalidateQueries({ queryKey: trpc.bids.status.queryKey() });
      onChanged();
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  if (!status.data) return null;
  const s = status.data;
  return (
    <section aria-labelledby="committee-heading" className="rounded-md border border-line p-4">
      <h3 id="committee-heading" className="text-sm font-semibold text-ink">
        Committee opening
      </h3>
      <p className="mt-1 text-sm text-ink-muted">
        The due date has passed. Prices open when {s.quorum} different members of your team have each opened the bids.
      </p>
      {s.openings.length ? (
        <ul className="mt-2 text-sm text-ink">
          {s.openings.map((o, i) => (
            <li key={i}>
              Opened by {o.mine ? "you" : o.name}, <LocalTime value={o.at} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3">
        {s.canOpen && canOpenBids ? (
          <Button onClick={() => void run()} pending={open.isPending}>
            {open.isPending ? "Opening…" : "Open the bids"}
          </Button>
        ) : s.openedByMe ? (
          <Alert tone="info">You have opened the bids. Another member must open them too.</Alert>
        ) : !canOpenBids ? (
          <p className="text-sm text-ink-muted">Owners, admins and evaluators can open the bids.</p>
        ) : null}
      </div>
    </section>
  );
}
