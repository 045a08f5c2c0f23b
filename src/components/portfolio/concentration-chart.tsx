"use client";

import { memo } from "react";
import type { BuiltProblem } from "@/server/portfolio/build";
import type { Column } from "@/server/portfolio/compare";
import { fmtPct } from "./format";

/**
 * Where each portfolio's spend and regulatory risk sit: one bar per portfolio split by vendor share
 * of spend, and beside it each vendor's chance of a disruption while it holds the work (from its
 * quality-derived annual risk and its weeks of exposure).
 */
export const ConcentrationChart = memo(function ConcentrationChart({
  columns,
  built,
  colours,
}: {
  columns: Column[];
  built: BuiltProblem;
  colours: Map<string, string>;
}) {
  const name = (id: string) => built.vendors.find((v) => v.id === id)?.name ?? id;
  return (
    <ul className="space-y-4">
      {columns
        .filter((c) => c.metrics)
        .map((c) => {
          const m = c.metrics!;
          const vendors = [...m.vendors].sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
          return (
            <li key={c.key}>
              <p className="text-sm font-medium text-ink">
                {c.label}
                <span className="ml-2 text-xs font-normal text-ink-muted">
                  HHI {m.concentrationHHI === null ? "n/a" : m.concentrationHHI.toFixed(2)}, disruption{" "}
                  {fmtPct(m.disruptionProbability)}
                </span>
              </p>
              <div className="mt-1 flex h-5 w-full overflow-hidden rounded" aria-hidden="true">
                {vendors.map((v) => (
                  <div
                    key={v.vendorId}
                    style={{ width: `${(v.share ?? 0) * 100}%`, background: colours.get(v.vendorId) }}
                  />
                ))}
              </div>
              <table className="mt-1 w-full text-xs">
                <caption className="sr-only">
                  {c.label}: each vendor's share of spend and chance of a disruption
                </caption>
                <thead>
                  <tr className="text-left text-ink-muted">
                    <th scope="col" className="py-0.5 font-medium">
                      Vendor
                    </th>
                    <th scope="col" className="py-0.5 text-right font-medium">
                      Spend
                    </th>
                    <th scope="col" className="py-0.5 text-right font-medium">
                      Weeks
                    </th>
                    <th scope="col" className="py-0.5 text-right font-medium">
                      Disruption
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {vendors.map((v) => (
                    <tr key={v.vendorId} className="text-ink-muted">
                      <td className="py-0.5">
                        <span
                          className="mr-1.5 inline-block size-2.5 rounded-sm"
                          style={{ background: colours.get(v.vendorId) }}
                        />
                        {name(v.vendorId)}
                      </td>
                      <td className="text-right tabular-nums">{fmtPct(v.share, 0)}</td>
                      <td className="text-right tabular-nums">{v.exposureWeeks}</td>
                      <td className="text-right tabular-nums">{fmtPct(v.pDisrupt, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          );
        })}
    </ul>
  );
});
