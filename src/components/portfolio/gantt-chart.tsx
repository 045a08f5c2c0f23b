"use client";

import { memo } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BuiltProblem } from "@/server/portfolio/build";
import type { Column } from "@/server/portfolio/compare";
import { ONBOARDING, TRANSFER } from "./palette";

type Segment = { label: string; weeks: number; colour: string };

/** The timeline of one portfolio: onboarding, then each stage and the transfer after it. */
export function segmentsOf(col: Column, built: BuiltProblem, colours: Map<string, string>): Segment[] {
  const m = col.metrics!;
  const a = built.problem.assumptions;
  const name = (id: string) => built.vendors.find((v) => v.id === id)?.name ?? id;
  const out: Segment[] = [{ label: "Onboarding", weeks: a.onboardingWeeks, colour: ONBOARDING }];
  built.problem.stages.forEach((s, i) => {
    const v = m.assignment[s.id]!;
    const offer = built.problem.offers.find((o) => o.stageId === s.id && o.vendorId === v);
    out.push({ label: `${s.name}: ${name(v)}`, weeks: offer?.durationWeeks ?? 0, colour: colours.get(v) ?? "#64748b" });
    const next = built.problem.stages[i + 1];
    if (next) {
      const w = m.assignment[next.id]!;
      const external = w !== v;
      out.push({
        label: external ? `Tech transfer ${name(v)} to ${name(w)}` : `Internal hand-off at ${name(v)}`,
        weeks: external ? a.externalTransferWeeks : a.internalTransferWeeks,
        colour: TRANSFER,
      });
    }
  });
  return out;
}

/** A Gantt of stages and transfers per portfolio (weeks from the start); the table below it says the same in text. */
export const GanttChart = memo(function GanttChart({
  columns,
  built,
  colours,
}: {
  columns: Column[];
  built: BuiltProblem;
  colours: Map<string, string>;
}) {
  const rows = columns
    .filter((c) => c.metrics)
    .map((c) => ({ label: c.label, segments: segmentsOf(c, built, colours) }));
  const k = Math.max(0, ...rows.map((r) => r.segments.length));
  const data = rows.map((r) =>
    Object.fromEntries([["label", r.label], ...r.segments.map((s, i) => [`s${i}`, s.weeks])]),
  );
  const summary = rows
    .map(
      (r) =>
        `${r.label}: ${r.segments.reduce((t, s) => t + s.weeks, 0)} weeks, ${r.segments.filter((s) => s.colour === TRANSFER && s.label.startsWith("Tech")).length} tech transfers`,
    )
    .join("; ");
  return (
    <figure aria-label={`Timeline of each portfolio. ${summary}.`}>
      <div className="h-64" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            margin={{ left: 8, right: 16, top: 4, bottom: 4 }}
            accessibilityLayer={false}
          >
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" tick={{ fill: "#4a5866", fontSize: 11 }} unit=" wk" />
            <YAxis type="category" dataKey="label" width={130} tick={{ fill: "#1f2933", fontSize: 12 }} />
            <Tooltip
              formatter={(value, key, item) => {
                const row = rows[data.indexOf(item.payload as (typeof data)[number])];
                const seg = row?.segments[Number(String(key).slice(1))];
                return [`${value} wk`, seg?.label ?? ""];
              }}
            />
            {Array.from({ length: k }, (_, i) => (
              <Bar key={i} dataKey={`s${i}`} stackId="t" isAnimationActive={false}>
                {rows.map((r) => (
                  <Cell key={r.label} fill={r.segments[i]?.colour ?? "transparent"} stroke="#fff" strokeWidth={1} />
                ))}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted">
        {[...colours]
          .filter(([id]) => columns.some((c) => c.metrics && Object.values(c.metrics.assignment).includes(id)))
          .map(([id, colour]) => (
            <span key={id} className="inline-flex items-center gap-1.5">
              <span className="inline-block size-3 rounded-sm" style={{ background: colour }} />
              {built.vendors.find((v) => v.id === id)?.name}
            </span>
          ))}
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm" style={{ background: TRANSFER }} />
          Transfer
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm" style={{ background: ONBOARDING }} />
          Onboarding
        </span>
      </figcaption>
    </figure>
  );
});
