"use client";

import { memo } from "react";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { PortfolioMetrics } from "@/server/decision";
import type { BuiltProblem } from "@/server/portfolio/build";
import { fmtMoneyShort, fmtWeeks } from "./format";

const ARCHETYPE_COLOUR = { integrated: "#b45309", specialized: "#7c3aed", hybrid: "#1d4ed8" } as const;

/** Cost against duration for the optimiser's best portfolios; lower-left is better on both. */
export const CostScatter = memo(function CostScatter({
  top,
  extra,
  built,
  currency,
}: {
  top: PortfolioMetrics[];
  /** The columns' portfolios, shown too when they are outside the top list. */
  extra: PortfolioMetrics[];
  built: BuiltProblem;
  currency: string;
}) {
  const name = (id: string) => built.vendors.find((v) => v.id === id)?.name ?? id;
  // The optimiser's best, plus the best of each kind when they are not among them (the integrated
  // and specialized options are usually further out, which is the point of showing them).
  const key = (m: PortfolioMetrics) => m.vendorsInStageOrder.join("|");
  const seen = new Set(top.map(key));
  const all = [...top, ...extra.filter((m) => !seen.has(key(m)) && (seen.add(key(m)), true))];
  const points = all.map((m, i) => ({
    rank: i + 1,
    cost: m.cost,
    weeks: m.durationWeeks,
    archetype: m.archetype,
    who: [...new Set(m.vendorsInStageOrder)].map(name).join(", "),
  }));
  const groups = (["integrated", "specialized", "hybrid"] as const).map((a) => ({
    a,
    pts: points.filter((p) => p.archetype === a),
  }));
  return (
    <figure
      aria-label={`Cost against duration of the best ${points.length} portfolios: ${points
        .map((p) => `#${p.rank} ${p.archetype} ${fmtMoneyShort(p.cost, currency)} in ${fmtWeeks(p.weeks)}`)
        .join("; ")}.`}
    >
      <div className="h-64" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ left: 8, right: 16, top: 8, bottom: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis
              type="number"
              dataKey="weeks"
              name="Duration"
              unit=" wk"
              domain={["auto", "auto"]}
              tick={{ fill: "#4a5866", fontSize: 11 }}
            />
            <YAxis
              type="number"
              dataKey="cost"
              name="Cost"
              domain={["auto", "auto"]}
              width={70}
              tickFormatter={(v: number) => fmtMoneyShort(v, currency)}
              tick={{ fill: "#4a5866", fontSize: 11 }}
            />
            <ZAxis range={[70, 70]} />
            <Tooltip
              cursor={{ strokeDasharray: "3 3" }}
              content={({ payload }) => {
                const p = payload?.[0]?.payload as (typeof points)[number] | undefined;
                return p ? (
                  <div className="rounded border border-line bg-surface px-3 py-2 text-xs shadow">
                    <p className="font-semibold">
                      #{p.rank} {p.archetype}
                    </p>
                    <p>{p.who}</p>
                    <p>
                      {fmtMoneyShort(p.cost, currency)} in {fmtWeeks(p.weeks)}
                    </p>
                  </div>
                ) : null;
              }}
            />
            {groups.map((g) => (
              <Scatter key={g.a} name={g.a} data={g.pts} fill={ARCHETYPE_COLOUR[g.a]} isAnimationActive={false} />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex gap-4 text-xs text-ink-muted">
        {groups.map((g) => (
          <span key={g.a} className="inline-flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-full" style={{ background: ARCHETYPE_COLOUR[g.a] }} />
            {g.a} ({g.pts.length})
          </span>
        ))}
      </figcaption>
    </figure>
  );
});
