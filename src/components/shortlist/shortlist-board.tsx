"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "@/components/ui/toast";
import { can, type OrgAccess } from "@/server/auth/permissions";
import type { BoardCard } from "@/server/shortlist/board";
import { stageLabel } from "@/server/shortlist/stages";
import { useTRPC } from "@/trpc/react";
import { errorCode, errorMessage } from "../forms/server-errors";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { PageHeader } from "../ui/page-header";
import { ProgrammeBreadcrumb } from "../programmes/programme-breadcrumb";
import { Skeleton } from "../ui/skeleton";
import { ActivityFeed } from "./activity-feed";
import { AddVendor } from "./add-vendor";
import type { CardActions } from "./board-card";
import { focusCardMenu } from "./card-menu";
import { useBoardWrites } from "./use-board";

// The columns (drag and drop) load beside the board's data, which they wait for anyway; the
// comments panel (its thread, the mention box) loads only when someone opens it.
const loadColumns = () => import("./board-columns");
const BoardColumns = dynamic(() => loadColumns().then((m) => m.BoardColumns), {
  loading: () => <ColumnsSkeleton />,
});
const CommentsPanel = dynamic(() => import("./comments-panel").then((m) => m.CommentsPanel), { ssr: false });

function ColumnsSkeleton() {
  return (
    <div role="status" aria-label="Loading the board" className="grid gap-3 md:grid-cols-3">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-72" />
      ))}
    </div>
  );
}

function BoardSkeleton() {
  return (
    <div role="status" aria-label="Loading the shortlist">
      <Skeleton className="mb-2 h-8 w-64" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <div className="grid gap-3 md:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-72" />
        ))}
      </div>
    </div>
  );
}

/** A programme's shortlist: long list, shortlist and selected, with votes, comments and what happened. */
export function ShortlistBoard({
  viewer,
  programmeId,
}: {
  viewer: OrgAccess & { orgSlug: string };
  programmeId: string;
}) {
  useEffect(() => void loadColumns(), []);
  const trpc = useTRPC();
  const { orgSlug } = viewer;
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [openEntry, setOpenEntry] = useState<string | null>(params.get("entry"));
  const [said, setSaid] = useState("");
  const q = useQuery(trpc.shortlist.board.queryOptions({ orgSlug, programmeId }));
  const writes = useBoardWrites(orgSlug, programmeId);
  const addInvited = useMutation(
    trpc.shortlist.addInvited.mutationOptions({
      onSuccess: (r) => {
        if (r.added.length)
          toast.success(
            `Added ${r.added.length === 1 ? r.added[0] : `${r.added.length} invited vendors`} to the long list.`,
          );
        else if (r.invited) toast.info("Every vendor invited to this programme's RFPs is already on the board.");
        else toast.info("No directory vendor is invited to this programme's RFPs yet.");
        void writes.refresh();
      },
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );

  const open = (entryId: string | null) => {
    setOpenEntry(entryId);
    router.replace(entryId ? `${pathname}?entry=${encodeURIComponent(entryId)}` : pathname, { scroll: false });
  };

  if (q.isPending) return <BoardSkeleton />;
  if (q.isError) {
    const missing = errorCode(q.error) === "NOT_FOUND";
    return (
      <Card>
        <ErrorState
          title={missing ? "This programme was not found" : "The shortlist could not be loaded"}
          message={missing ? "It may belong to another organisation, or the link is wrong." : errorMessage(q.error)}
          onRetry={missing ? undefined : () => void q.refetch()}
        />
        <p className="pb-6 text-center text-sm">
          <Link href={`/${orgSlug}/programmes`} className="text-brand-700 underline">
            All programmes
          </Link>
        </p>
      </Card>
    );
  }

  const board = q.data;
  const writer = can(viewer, "shortlist.write") && !board.programme.archived;
  const total = board.columns.reduce((n, c) => n + c.cards.length, 0);
  const onBoard = new Set(board.columns.flatMap((c) => c.cards.map((x) => x.vendor.id)));
  const actions: CardActions = {
    writer,
    orgSlug,
    moveTo: (card: BoardCard, stage, index) => {
      const col = board.columns.find((c) => c.stage === stage)!;
      const rest = col.cards.filter((c) => c.id !== card.id).length;
      const at = Math.min(index, rest);
      writes.move(card, stage, at);
      setSaid(
        card.stage === stage
          ? `${card.vendor.name} moved to position ${at + 1} of ${rest + 1} in ${stageLabel(stage)}.`
          : `${card.vendor.name} moved to ${stageLabel(stage)}, position ${at + 1} of ${rest + 1}.`,
      );
      focusCardMenu(card.id);
    },
    vote: (card, value) => writes.vote(card.id, value),
    votePending: (card) => writes.votePending(card.id),
    remove: (card) => writes.remove({ id: card.id, version: card.version, name: card.vendor.name }),
    openComments: (card) => open(card.id),
  };

  return (
    <div className="space-y-5">
      <ProgrammeBreadcrumb orgSlug={orgSlug} programmeId={programmeId} name={board.programme.name} />
      <PageHeader
        title="Shortlist"
        description={`${board.programme.name}: from the long list to the vendors selected, with the team's votes and comments.`}
      />
      {board.programme.archived ? (
        <Alert tone="warning" title="This programme is archived">
          <p>Its shortlist is kept as it was. Restore the programme to change it.</p>
        </Alert>
      ) : !can(viewer, "shortlist.write") ? (
        <Alert tone="info" title="You can read this board">
          <p>Moving vendors, voting and commenting need the owner, admin or evaluator role.</p>
        </Alert>
      ) : null}
      {writer ? (
        <div className="flex flex-wrap items-end gap-3">
          <AddVendor
            orgSlug={orgSlug}
            programmeId={programmeId}
            onBoard={onBoard}
            onAdded={() => void writes.refresh()}
          />
          <Button
            variant="secondary"
            pending={addInvited.isPending}
            onClick={() => addInvited.mutate({ orgSlug, programmeId })}
          >
            Add invited vendors
          </Button>
        </div>
      ) : null}
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="min-w-0">
          {total === 0 ? (
            <p className="mb-3 rounded-md border border-dashed border-line-strong bg-surface px-4 py-3 text-sm text-ink-muted">
              {writer
                ? "No vendor is on this board yet. Search the directory above, or add the vendors invited to this programme's RFPs."
                : "No vendor is on this board yet."}
            </p>
          ) : null}
          <BoardColumns board={board} actions={actions} />
        </div>
        <ActivityFeed orgSlug={orgSlug} programmeId={programmeId} onOpen={(id) => open(id)} />
      </div>
      <p aria-live="polite" className="sr-only">
        {said}
      </p>
      {openEntry ? (
        <CommentsPanel orgSlug={orgSlug} entryId={openEntry} writer={writer} onClose={() => open(null)} />
      ) : null}
    </div>
  );
}
