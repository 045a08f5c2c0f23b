"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { toast } from "@/components/ui/toast";
import { flatten } from "@/server/evaluation/criteria";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EmptyState } from "../ui/empty-state";
import { AnchorsPanel, AnchorsStrip } from "./anchors-panel";
import { AutoCellView } from "./auto-cell";
import { CommentButton } from "./comment-button";
import { cellKey, parseScore, pct, type EvaluationData } from "./types";

type Draft = { text: string; comment: string | null };
type SaveState = { kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string };

const SAVE_DELAY_MS = 700;

/**
 * One evaluator's scores: criteria down, vendors across, typed like a spreadsheet (Enter or the
 * arrow keys move down and up, Tab across), saved in batches shortly after typing stops. The
 * focused criterion's anchored scale shows beside the grid.
 */
export function ScoringMatrix({ data, orgSlug, rfpId }: { data: EvaluationData; orgSlug: string; rfpId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const nodes = useMemo(() => flatten(data.scorecard.criteria), [data.scorecard.criteria]);
  const leaves = nodes.filter((n) => n.leaf);
  const people = leaves.filter((l) => !l.auto);
  const me = data.me;
  const readOnly = !me.canScore || !!me.submittedAt || !!data.scorecard.lockedAt;

  const mine = useMemo(() => {
    const m = new Map<string, { value: number; comment: string | null; version: number }>();
    for (const s of data.scores)
      if (s.evaluatorId === me.id) m.set(cellKey(s.vendorId, s.criterionId), { ...s, comment: s.comment ?? null });
    return m;
  }, [data.scores, me.id]);

  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [focused, setFocused] = useState<string | null>(people[0]?.id ?? null);
  const dirty = useRef(new Set<string>());
  const versions = useRef(new Map<string, number>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const grid = useRef<HTMLTableElement>(null);

  useEffect(() => {
    for (const [k, v] of mine) if (!dirty.current.has(k)) versions.current.set(k, v.version);
  }, [mine]);

  const draftOf = (k: string): Draft => {
    const d = drafts[k];
    if (d) return d;
    const s = mine.get(k);
    return { text: s ? String(s.value) : "", comment: s?.comment ?? null };
  };

  const save = useMutation(trpc.evaluation.saveScores.mutationOptions());
  const submitScores = useMutation(trpc.evaluation.submit.mutationOptions());
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    const keys = [...dirty.current].filter((k) => !errors[k]);
    if (!keys.length) return;
    const entries = keys.map((k) => {
      const [vendorId, criterionId] = k.split(" ") as [string, string];
      const d = drafts[k]!;
      const value = parseScore(d.text, data.scorecard.scale) as number | null;
      return { vendorId, criterionId, value, comment: d.comment, version: versions.current.get(k) };
    });
    keys.forEach((k) => dirty.current.delete(k));
    setState({ kind: "saving" });
    try {
      const r = await save.mutateAsync({ orgSlug, rfpId, entries });
      for (const s of r.saved) {
        const k = cellKey(s.vendorId, s.criterionId);
        if (s.version === null) versions.current.delete(k);
        else versions.current.set(k, s.version);
      }
      setState({ kind: "saved" });
      await queryClient.invalidateQueries({ queryKey: trpc.evaluation.get.queryKey({ orgSlug, rfpId }) });
    } catch (e) {
      keys.forEach((k) => dirty.current.add(k));
      setState({ kind: "error", message: errorMessage(e) });
    }
  }, [drafts, errors, data.scorecard.scale, orgSlug, rfpId, save, queryClient, trpc]);

  // Save what was typed shortly after typing stops (and not on every keystroke).
  useEffect(() => {
    if (!dirty.current.size) return;
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [drafts, flush]);

  const edit = (k: string, patch: Partial<Draft>) => {
    const next = { ...draftOf(k), ...patch };
    const parsed = parseScore(next.text, data.scorecard.scale);
    setErrors((e) => {
      const copy = { ...e };
      if (typeof parsed === "string") copy[k] = parsed;
      else delete copy[k];
      return copy;
    });
    dirty.current.add(k);
    setDrafts((d) => ({ ...d, [k]: next }));
  };

  const move = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const step = e.key === "ArrowDown" || e.key === "Enter" ? 1 : e.key === "ArrowUp" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const target = grid.current?.querySelector<HTMLInputElement>(`input[data-row="${row + step}"][data-col="${col}"]`);
    target?.focus();
    target?.select();
  };

  if (!data.vendors.length)
    return (
      <Card>
        <EmptyState
          title="No vendors to score"
          description="Vendors appear here once they are invited to the RFP (those who declined are left out)."
        />
      </Card>
    );

  const scoredCount = people.reduce(
    (n, l) => n + data.vendors.filter((v) => draftOf(cellKey(v.id, l.id)).text.trim() !== "").length,
    0,
  );
  const total = people.length * data.vendors.length;
  const focusedLeaf = leaves.find((l) => l.id === focused) ?? people[0];
  let row = -1;

  return (
    <div className="grid gap-4 2xl:grid-cols-[minmax(0,1fr)_18rem]">
      <Card>
        <CardHeader
          title="Your scores"
          description={`Scale ${data.scorecard.scale.min}-${data.scorecard.scale.max} in steps of 0.5. Enter or the arrow keys move down, Tab moves across; scores save as you type.`}
          actions={
            <>
              <SaveStatus state={state} />
              {!readOnly ? (
                <ConfirmDialog
                  trigger={
                    <Button variant="primary" disabled={scoredCount === 0 || Object.keys(errors).length > 0}>
                      Submit scores
                    </Button>
                  }
                  title="Submit your scores?"
                  description={`You scored ${scoredCount} of ${total} cells. Once submitted your scores are final unless a lead reopens them${data.scorecard.blind ? ", and you will see the other evaluators' scores" : ""}.`}
                  confirmLabel="Submit"
                  onConfirm={() => void submit()}
                />
              ) : null}
            </>
          }
        />
        {me.submittedAt ? (
          <Alert tone="info" className="m-4">
            You submitted your scores. A lead can reopen them if you need to change something.
          </Alert>
        ) : null}
        {data.scorecard.lockedAt ? (
          <Alert tone="info" className="m-4">
            The scorecard is locked; scores can no longer change.
          </Alert>
        ) : null}
        {!me.canScore ? (
          <Alert tone="info" className="m-4">
            Your role can read the evaluation but not score it.
          </Alert>
        ) : null}
        {data.scorecard.blind && !me.seesAll ? (
          <Alert tone="info" className="m-4">
            Blind scoring: you see only your own scores until you submit them.
          </Alert>
        ) : null}
        <p className="px-5 pt-3 text-sm text-ink-muted" aria-live="polite">
          {scoredCount} of {total} cells scored.
        </p>
        {focusedLeaf ? (
          <div className="border-y border-line bg-canvas px-5 py-2 2xl:hidden">
            <AnchorsStrip leaf={focusedLeaf} scale={data.scorecard.scale} />
          </div>
        ) : null}
        <div className="overflow-x-auto py-2">
          <table ref={grid} className="w-full border-separate border-spacing-0 text-sm">
            <caption className="sr-only">Your score for each vendor on each criterion</caption>
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 bg-surface px-3 py-2 text-left font-semibold">
                  Criterion
                </th>
                {data.vendors.map((v) => (
                  <th key={v.id} scope="col" className="min-w-36 px-2 py-2 text-left font-semibold">
                    {v.name}
                    {!v.responded ? (
                      <Badge className="ml-1" tone="warning">
                        No response
                      </Badge>
                    ) : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {nodes.map((n) => {
                if (!n.leaf)
                  return n.depth === 0 ? (
                    <tr key={n.id}>
                      <th
                        scope="colgroup"
                        colSpan={data.vendors.length + 1}
                        className="bg-canvas px-3 py-1.5 text-left text-xs font-semibold tracking-wide text-ink-muted uppercase"
                      >
                        <span className="sticky left-3">
                          {n.name} · {pct(n.effectiveWeight)}
                        </span>
                      </th>
                    </tr>
                  ) : null;
                if (!n.auto) row++;
                const r = row;
                return (
                  <tr key={n.id} className="border-t border-line">
                    <th scope="row" className="sticky left-0 bg-surface px-3 py-2 text-left font-normal">
                      <span className="font-medium text-ink">{n.name}</span>
                      <span className="ml-2 text-xs text-ink-muted">{pct(n.effectiveWeight, 1)}</span>
                    </th>
                    {data.vendors.map((v, c) => {
                      const k = cellKey(v.id, n.id);
                      if (n.auto) {
                        const a = data.auto.find((x) => x.vendorId === v.id && x.criterionId === n.id);
                        return (
                          <td key={v.id} className="px-2 py-1.5 align-top">
                            <AutoCellView
                              cell={a}
                              vendor={v}
                              leafName={n.name}
                              source={n.auto}
                              scale={data.scorecard.scale}
                              canOverride={me.canManage && !data.scorecard.lockedAt}
                              orgSlug={orgSlug}
                              rfpId={rfpId}
                            />
                          </td>
                        );
                      }
                      const d = draftOf(k);
                      const err = errors[k];
                      return (
                        <td key={v.id} className="px-2 py-1.5 align-top">
                          <div className="flex items-center gap-1">
                            <input
                              type="text"
                              inputMode="decimal"
                              autoComplete="off"
                              data-row={r}
                              data-col={c}
                              aria-label={`${v.name}: ${n.name}`}
                              aria-invalid={err ? true : undefined}
                              aria-describedby={err ? `${k}-err` : undefined}
                              readOnly={readOnly}
                              value={d.text}
                              onFocus={() => setFocused(n.id)}
                              onChange={(e) => edit(k, { text: e.target.value })}
                              onKeyDown={(e) => move(e, r, c)}
                              onBlur={(e) => {
                                // Moving within the grid keeps batching; leaving it saves now.
                                if (!grid.current?.contains(e.relatedTarget as Node | null)) void flush();
                              }}
                              className="w-14 rounded border border-line bg-surface px-2 py-1 text-right tabular-nums focus:border-brand-600 focus:outline-none aria-invalid:border-danger-600"
                            />
                            <CommentButton
                              label={`${v.name}: ${n.name}`}
                              comment={d.comment}
                              readOnly={readOnly}
                              onSave={(comment) => edit(k, { comment })}
                            />
                          </div>
                          {err ? (
                            <p id={`${k}-err`} className="mt-1 text-xs text-danger-700">
                              {err}
                            </p>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      {focusedLeaf ? (
        <div className="hidden 2xl:block">
          <AnchorsPanel leaf={focusedLeaf} scale={data.scorecard.scale} />
        </div>
      ) : null}
    </div>
  );

  async function submit() {
    await flush();
    try {
      await submitScores.mutateAsync({ orgSlug, rfpId });
      toast.success("Your scores are submitted.");
      await queryClient.invalidateQueries({ queryKey: trpc.evaluation.get.queryKey({ orgSlug, rfpId }) });
    } catch (e) {
      toast.error(errorMessage(e));
    }
  }
}

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === "saving"
      ? "Saving…"
      : state.kind === "saved"
        ? "All scores saved"
        : state.kind === "error"
          ? `Not saved: ${state.message}`
          : "";
  return (
    <span role="status" className={state.kind === "error" ? "text-sm text-danger-700" : "text-sm text-ink-muted"}>
      {text}
    </span>
  );
}
