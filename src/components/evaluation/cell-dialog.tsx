"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import type { LeafResult } from "@/server/decision/scorecard";
import type { FlatCriterion } from "@/server/evaluation/criteria";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Button } from "../ui/button";
import { Textarea } from "../ui/input";
import { Field } from "../ui/field";
import { cellKey, fmtScore, type EvaluationData } from "./types";

/** One cell of the consensus view: every evaluator's score and comment, and the team's rationale. */
export function CellDialog({
  data,
  orgSlug,
  rfpId,
  cell,
  leaf,
  result,
  onClose,
}: {
  data: EvaluationData;
  orgSlug: string;
  rfpId: string;
  cell: { vendorId: string; criterionId: string };
  leaf: FlatCriterion;
  result: LeafResult | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const vendor = data.vendors.find((v) => v.id === cell.vendorId)!;
  const scores = data.scores.filter((s) => s.vendorId === cell.vendorId && s.criterionId === cell.criterionId);
  const auto = data.auto.find((a) => a.vendorId === cell.vendorId && a.criterionId === cell.criterionId);
  const existing = data.rationales.find(
    (r) => cellKey(r.vendorId, r.criterionId) === cellKey(cell.vendorId, cell.criterionId),
  );
  const [text, setText] = useState(existing?.text ?? "");
  const [error, setError] = useState<string | null>(null);
  const m = useMutation(trpc.evaluation.rationale.mutationOptions());
  const canWrite = data.me.canManage && !data.scorecard.lockedAt;
  const name = (id: string) => data.evaluators.find((e) => e.id === id)?.name ?? "An evaluator";

  const save = async () => {
    setError(null);
    try {
      await m.mutateAsync({ orgSlug, rfpId, ...cell, text });
      toast.success("Rationale recorded.");
      await queryClient.invalidateQueries({ queryKey: trpc.evaluation.get.queryKey({ orgSlug, rfpId }) });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog.Root open onOpenChange={(o) => (o ? null : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-line bg-surface p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-ink">
            {vendor.name}: {leaf.name}
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-ink-muted">
            {result?.n
              ? `Team score ${fmtScore(result.score, 2)} from ${result.n} score${result.n === 1 ? "" : "s"}, spread ${fmtScore(result.spread)}.`
              : "Not scored yet."}
            {result?.disagreement ? " The evaluators disagree: the team records why it accepts the score." : ""}
          </Dialog.Description>
          {auto ? (
            <p className="mt-4 text-sm">
              Automatic: {fmtScore(auto.value, 2)} (
              {auto.override ? `override: ${auto.override.reason}` : auto.prefill.basis})
            </p>
          ) : (
            <ul className="mt-4 divide-y divide-line rounded border border-line text-sm">
              {scores.length === 0 ? <li className="p-3 text-ink-muted">No scores yet.</li> : null}
              {scores.map((s) => (
                <li key={s.evaluatorId} className="flex gap-3 p-3">
                  <span className="w-10 shrink-0 text-right font-semibold tabular-nums">{fmtScore(s.value)}</span>
                  <div>
                    <p className="font-medium text-ink">{name(s.evaluatorId)}</p>
                    {s.comment ? <p className="text-ink-muted">{s.comment}</p> : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-4 space-y-3">
            {existing ? (
              <p className="text-sm">
                <span className="font-medium">Rationale</span> ({existing.byName ?? "a lead"}): {existing.text}
              </p>
            ) : null}
            {canWrite && (result?.disagreement || existing) ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void save();
                }}
                className="space-y-3"
              >
                <Field label="Team rationale" error={error ?? undefined}>
                  <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} maxLength={2000} />
                </Field>
                <div className="flex justify-end gap-2">
                  <Dialog.Close asChild>
                    <Button variant="secondary">Close</Button>
                  </Dialog.Close>
                  <Button type="submit" pending={m.isPending}>
                    Save rationale
                  </Button>
                </div>
              </form>
            ) : (
              <div className="flex justify-end">
                <Dialog.Close asChild>
                  <Button variant="secondary">Close</Button>
                </Dialog.Close>
              </div>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
