"use client";

import { memo } from "react";
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from "recharts";
import type { VendorScore } from "@/server/decision/scorecard";
import type { FlatCriterion } from "@/server/evaluation/criteria";
import { fmtScore } from "./types";

/** A small radar per vendor of its category subtotals (0-100); the numbers are in the ranking table too. */
export const VendorRadars = memo(function VendorRadars({
  vendors,
  names,
  tops,
}: {
  vendors: VendorScore[];
  names: Map<string, string>;
  tops: FlatCriterion[];
}) {
  if (tops.length < 3) return <p className="text-sm text-ink-muted">A radar needs three or more top-level criteria.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {vendors.map((v) => {
        const points = tops.map((t) => ({ axis: t.name, value: v.categories[t.id] ?? 0 }));
        const label = `${names.get(v.vendorId)}: ${tops.map((t) => `${t.name} ${fmtScore(v.categories[t.id] ?? null)}`).join(", ")}`;
        return (
          <li key={v.vendorId} className="rounded border border-line p-2">
            <figure aria-label={label}>
              <figcaption className="text-sm font-medium text-ink">
                {v.rank}. {names.get(v.vendorId)}
              </figcaption>
              <div className="h-52" aria-hidden="true">
                <ResponsiveContainer width="100%" height="100%">
                  <RadarChart data={points} outerRadius="58%" accessibilityLayer={false}>
                    <PolarGrid stroke="#d8dee5" />
                    <PolarAngleAxis dataKey="axis" tick={{ fill: "#4a5866", fontSize: 10 }} />
                    <PolarRadiusAxis domain={[0, 100]} tick={false} axisLine={false} />
                    <Radar
                      dataKey="value"
                      stroke="#1d4ed8"
                      fill="#2563eb"
                      fillOpacity={0.3}
                      isAnimationActive={false}
                    />
                  </RadarChart>
                </ResponsiveContainer>
              </div>
            </figure>
          </li>
        );
      })}
    </ul>
  );
});
