"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import type { ShortlistStage } from "@/server/shortlist/schemas";
import { useTRPC } from "@/trpc/react";
import { errorCode, errorMessage } from "../forms/server-errors";
import { applyMove } from "./board-model";

/**
 * The board's writes. A move shows at once (the cached board is changed before the server
 * answers); if the server refuses (someone else moved the card, say), the board goes back to
 * what it was, the refusal is shown, and the board is read again. Votes update the card's tally.
 */
export function useBoardWrites(orgSlug: string, programmeId: string) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const boardKey = trpc.shortlist.board.queryKey({ orgSlug, programmeId });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: trpc.shortlist.board.queryKey({ orgSlug, programmeId }) }),
      qc.invalidateQueries({ queryKey: trpc.shortlist.activity.pathKey() }),
    ]);

  const move = useMutation(
    trpc.shortlist.move.mutationOptions({
      onMutate: async (v) => {
        await qc.cancelQueries({ queryKey: boardKey });
        const before = qc.getQueryData(boardKey);
        if (before) qc.setQueryData(boardKey, applyMove(before, v.entryId, v.stage, v.position));
        return { before };
      },
      onError: (err, _v, context) => {
        if (context?.before) qc.setQueryData(boardKey, context.before);
        toast.error(errorCode(err) === "CONFLICT" ? errorMessage(err) : `The move was undone. ${errorMessage(err)}`);
      },
      onSettled: () => void refresh(),
    }),
  );

  const vote = useMutation(
    trpc.shortlist.vote.mutationOptions({
      onSuccess: (tally, v) => {
        qc.setQueryData(boardKey, (b) =>
          b
            ? {
                ...b,
                columns: b.columns.map((c) => ({
                  ...c,
                  cards: c.cards.map((card) => (card.id === v.entryId ? { ...card, votes: tally } : card)),
                })),
              }
            : b,
        );
        void qc.invalidateQueries({ queryKey: trpc.shortlist.activity.pathKey() });
      },
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );

  const remove = useMutation(
    trpc.shortlist.remove.mutationOptions({
      onError: (err) => toast.error(errorMessage(err)),
      onSettled: () => void refresh(),
    }),
  );

  return {
    refresh,
    move: (card: { id: string; version: number }, stage: ShortlistStage, position: number) =>
      move.mutate({ orgSlug, entryId: card.id, version: card.version, stage, position }),
    vote: (entryId: string, value: 1 | -1 | 0) => vote.mutate({ orgSlug, entryId, value }),
    votePending: (entryId: string) => vote.isPending && vote.variables?.entryId === entryId,
    remove: (card: { id: string; version: number; name: string }) =>
      remove.mutate(
        { orgSlug, entryId: card.id, version: card.version },
        { onSuccess: () => toast.success(`${card.name} was taken off the shortlist.`) },
      ),
  };
}
export type BoardWrites = ReturnType<typeof useBoardWrites>;
