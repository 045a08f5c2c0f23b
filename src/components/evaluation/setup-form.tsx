"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { AUTO_LABELS, AUTO_SOURCES, DEFAULT_ANCHORS, flatten, type Criterion } from "@/server/evaluation/criteria";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { pct, type EvaluationData } from "./types";

type Rules = {
  weightMode: "percent" | "points";
  aggregation: "mean" | "median";
  blind: boolean;
  min: number;
  max: number;
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 30) || "criterion";

function freshId(base: string, tree: Criterion[]): string {
  const used = new Set(flatten(tree).map((c) => c.id));
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
  return id;
}

/** The lead's scorecard editor: criteria and sub-criteria, weights, anchored scale, rules. */
export function SetupForm({ data, orgSlug, rfpId }: { data: EvaluationData; orgSlug: string; rfpId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const card = data.scorecard;
  const [tree, setTree] = useState<Criterion[]>(card.criteria);
  const [rules, setRules] = useState<Rules>({
    weightMode: card.weightMode,
    aggregation: card.aggregation,
    blind: card.blind,
    min: card.scale.min,
    max: card.scale.max,
  });
  const [errors, setErrors] = useState<string[]>([]);
  const m = useMutation(trpc.evaluation.setup.mutationOptions());
  const editable = data.me.canManage && !card.lockedAt;
  const flat = flatten(tree);
  const weightOf = (id: string) => flat.find((c) => c.id === id);

  const update = (path: number[], patch: Partial<Criterion> | null) =>
    setTree((t) => {
      const copy = structuredClone(t);
      let group = copy;
      for (const i of path.slice(0, -1)) group = group[i]!.children ??= [];
      const last = path[path.length - 1]!;
      if (patch === null) group.splice(last, 1);
      else group[last] = { ...group[last]!, ...patch };
      return copy;
    });

  const addChild = (path: number[] | null) =>
    setTree((t) => {
      const copy = structuredClone(t);
      const points = rules.max - rules.min + 1;
      const anchors = DEFAULT_ANCHORS.length === points ? [...DEFAULT_ANCHORS] : Array<string>(points).fill("");
      if (path === null) {
        copy.push({ id: freshId("criterion", copy), name: "New criterion", weight: 10, children: [] });
      } else {
        const parent = path.reduce<Criterion | null>((p, i) => (p ? p.children![i]! : copy[i]!), null)!;
        parent.children ??= [];
        parent.children.push({
          id: freshId(`${parent.id}.${slug("sub-criterion")}`, copy),
          name: "New sub-criterion",
          weight: 10,
          anchors,
        });
      }
      return copy;
    });

  const save = async () => {
    const { ZCriteriaTree } = await import("@/server/evaluation/criteria-schema");
    const parsed = ZCriteriaTree.safeParse(tree);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => i.message));
      return;
    }
    setErrors([]);
    try {
      const r = await m.mutateAsync({
        orgSlug,
        rfpId,
        version: card.version,
        criteria: parsed.data,
        weightMode: rules.weightMode,
        aggregation: rules.aggregation,
        blind: rules.blind,
        scale: { min: rules.min, max: rules.max },
      });
      toast.success(
        r.scoresRemoved
          ? `Scorecard saved; ${r.scoresRemoved} scores on removed criteria were deleted.`
          : "Scorecard saved.",
      );
      await queryClient.invalidateQueries({ queryKey: trpc.evaluation.get.queryKey({ orgSlug, rfpId }) });
    } catch (e) {
      setErrors([errorMessage(e)]);
    }
  };

  const topSum = tree.reduce((s, c) => s + c.weight, 0);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {!data.me.canManage ? <Alert>Only a lead (owner or admin) changes the scorecard; you can read it.</Alert> : null}
      {card.lockedAt ? <Alert>The scorecard is locked. Unlock it on the consensus page to change it.</Alert> : null}
      {errors.length ? (
        <Alert tone="danger" title="The scorecard was not saved">
          <ul className="list-disc pl-5">
            {[...new Set(errors)].map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Rules" description="How scores are entered and combined." />
        <CardBody className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Weights entered as">
            <Select
              value={rules.weightMode}
              disabled={!editable}
              onChange={(e) => setRules({ ...rules, weightMode: e.target.value as Rules["weightMode"] })}
            >
              <option value="percent">Percent</option>
              <option value="points">Points</option>
            </Select>
          </Field>
          <Field label="Team score per cell">
            <Select
              value={rules.aggregation}
              disabled={!editable}
              onChange={(e) => setRules({ ...rules, aggregation: e.target.value as Rules["aggregation"] })}
            >
              <option value="mean">Mean of the evaluators</option>
              <option value="median">Median of the evaluators</option>
            </Select>
          </Field>
          <Field label="Scale" description="Fixed once anyone has scored.">
            <div className="flex items-center gap-2">
              <Input
                aria-label="Scale minimum"
                type="number"
                min={0}
                max={9}
                value={rules.min}
                disabled={!editable}
                onChange={(e) => setRules({ ...rules, min: Number(e.target.value) })}
                className="w-16"
              />
              <span aria-hidden>to</span>
              <Input
                aria-label="Scale maximum"
                type="number"
                min={1}
                max={10}
                value={rules.max}
                disabled={!editable}
                onChange={(e) => setRules({ ...rules, max: Number(e.target.value) })}
                className="w-16"
              />
            </div>
          </Field>
          <label className="flex items-start gap-2 pt-6 text-sm">
            <input
              type="checkbox"
              checked={rules.blind}
              disabled={!editable}
              onChange={(e) => setRules({ ...rules, blind: e.target.checked })}
              className="mt-0.5"
            />
            <span>
              <span className="font-medium text-ink">Blind scoring</span>
              <span className="block text-ink-muted">Evaluators see others&apos; scores only after submitting.</span>
            </span>
          </label>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Criteria"
          description={
            rules.weightMode === "percent"
              ? `Top-level weights add up to ${Math.round(topSum * 100) / 100}%${Math.abs(topSum - 100) > 0.01 ? "; they are normalised, so each counts as its share shown" : ""}.`
              : "Weights are points: each criterion counts as its share of its group, shown beside it."
          }
          actions={
            editable ? (
              <Button variant="secondary" onClick={() => addChild(null)}>
                Add criterion
              </Button>
            ) : null
          }
        />
        <CardBody className="space-y-5">
          {tree.map((top, ti) => (
            <fieldset key={top.id} className="rounded-md border border-line p-3">
              <legend className="px-1 text-sm font-semibold text-ink">{top.name || "Unnamed criterion"}</legend>
              <Row
                node={top}
                share={weightOf(top.id)?.localWeight ?? 0}
                effective={null}
                editable={editable}
                mode={rules.weightMode}
                onChange={(p) => update([ti], p)}
                onRemove={tree.length > 1 ? () => update([ti], null) : undefined}
              />
              <div className="mt-3 space-y-3 border-l-2 border-line pl-4">
                {(top.children ?? []).map((child, ci) => (
                  <div key={child.id} className="space-y-2">
                    <Row
                      node={child}
                      share={weightOf(child.id)?.localWeight ?? 0}
                      effective={weightOf(child.id)?.effectiveWeight ?? 0}
                      editable={editable}
                      mode={rules.weightMode}
                      onChange={(p) => update([ti, ci], p)}
                      onRemove={() => update([ti, ci], null)}
                    />
                    <LeafDetails
                      node={child}
                      points={rules.max - rules.min + 1}
                      min={rules.min}
                      editable={editable}
                      onChange={(p) => update([ti, ci], p)}
                    />
                  </div>
                ))}
                {editable ? (
                  <Button variant="ghost" size="sm" onClick={() => addChild([ti])}>
                    Add sub-criterion to {top.name}
                  </Button>
                ) : null}
              </div>
            </fieldset>
          ))}
        </CardBody>
      </Card>
      {editable ? (
        <div className="flex justify-end">
          <Button type="submit" pending={m.isPending}>
            Save scorecard
          </Button>
        </div>
      ) : null}
    </form>
  );
}

function Row({
  node,
  share,
  effective,
  editable,
  mode,
  onChange,
  onRemove,
}: {
  node: Criterion;
  share: number;
  effective: number | null;
  editable: boolean;
  mode: "percent" | "points";
  onChange: (p: Partial<Criterion>) => void;
  onRemove?: () => void;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field label="Name" className="min-w-56 flex-1">
        <Input
          value={node.name}
          disabled={!editable}
          maxLength={80}
          onChange={(e) => onChange({ name: e.target.value })}
        />
      </Field>
      <Field label={mode === "percent" ? "Weight (%)" : "Weight (points)"}>
        <Input
          type="number"
          min={0}
          max={1000}
          step="any"
          value={Number.isFinite(node.weight) ? node.weight : ""}
          disabled={!editable}
          onChange={(e) => onChange({ weight: e.target.value === "" ? 0 : Number(e.target.value) })}
          className="w-24"
        />
      </Field>
      <p className="pb-2 text-sm text-ink-muted tabular-nums">
        {pct(share, 1)} of its group{effective !== null ? ` · ${pct(effective, 1)} of the total` : ""}
      </p>
      {editable && onRemove ? (
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${node.name}`}>
          Remove
        </Button>
      ) : null}
    </div>
  );
}

function LeafDetails({
  node,
  points,
  min,
  editable,
  onChange,
}: {
  node: Criterion;
  points: number;
  min: number;
  editable: boolean;
  onChange: (p: Partial<Criterion>) => void;
}) {
  const anchors = Array.from({ length: points }, (_, i) => node.anchors?.[i] ?? "");
  return (
    <details className="rounded bg-canvas px-3 py-2 text-sm">
      <summary className="cursor-pointer text-ink-muted">
        {node.auto ? `Scored automatically from ${AUTO_LABELS[node.auto]}` : "Description and scale anchors"}
      </summary>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <Field label="Scored by">
          <Select
            value={node.auto ?? ""}
            disabled={!editable}
            onChange={(e) => onChange({ auto: (e.target.value || null) as Criterion["auto"] })}
          >
            <option value="">Evaluators</option>
            {AUTO_SOURCES.map((s) => (
              <option key={s} value={s}>
                Automatically, from {AUTO_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Description">
          <Input
            value={node.description ?? ""}
            maxLength={400}
            disabled={!editable}
            onChange={(e) => onChange({ description: e.target.value || null })}
          />
        </Field>
        {!node.auto
          ? anchors.map((a, i) => (
              <Field key={i} label={`What ${min + i} means`}>
                <Input
                  value={a}
                  maxLength={160}
                  disabled={!editable}
                  onChange={(e) => onChange({ anchors: anchors.map((x, j) => (j === i ? e.target.value : x)) })}
                />
              </Field>
            ))
          : null}
      </div>
    </details>
  );
}
