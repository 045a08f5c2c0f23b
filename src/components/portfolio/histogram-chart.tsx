"use client";

import { memo } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SimulationResult } from "@/server/decision";

/** The simulated durations as a histogram, with P10, P50 and P90 marked. */
export const HistogramChart = memo(function HistogramChart({ result }: { result: SimulationResult }) {
  const data = result.histogram.map((b) => ({
    mid: (b.from + b.to) / 2,
    label: `${b.from.toFixed(0)}-${b.to.toFixed(0)}`,
    count: b.count,
  }));
  const d = result.durationWeeks;
  return (
    <figure
      aria-label={`Simulated duration over ${result.iterations.toLocaleString("en-US")} runs: P10 ${d.p10.toFixed(1)}, P50 ${d.p50.toFixed(1)}, P90 ${d.p90.toFixed(1)} weeks.`}
    >
      <div className="h-56" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            margin={{ left: 8, right: 16, top: 16, bottom: 4 }}
            barCategoryGap={1}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="mid"
              type="number"
              domain={["dataMin", "dataMax"]}
              unit=" wk"
              tickFormatter={(v: number) => v.toFixed(0)}
              tick={{ fill: "#4a5866", fontSize: 11 }}
            />
            <YAxis width={48} tick={{ fill: "#4a5866", fontSize: 11 }} />
            <Tooltip
              labelFormatter={(_, p) => `${(p?.[0]?.payload as { label?: string } | undefined)?.label ?? ""} weeks`}
              formatter={(v) => [v, "runs"]}
            />
            <Bar dataKey="count" fill="#2563eb" isAnimationActive={false} />
            {(["p10", "p50", "p90"] as const).map((k) => (
              <ReferenceLine
                key={k}
                x={d[k]}
                stroke="#b45309"
                strokeDasharray="4 2"
                label={{ value: k.toUpperCase(), position: "top", fill: "#b45309", fontSize: 11 }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
