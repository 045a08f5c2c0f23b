"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type InspectionCounts = { name: string; NAI: number; VAI: number; OAI: number };

const BARS = [
  { key: "NAI", label: "NAI (no action indicated)", color: "#1f6b3c" },
  { key: "VAI", label: "VAI (voluntary action indicated)", color: "#a15c00" },
  { key: "OAI", label: "OAI (official action indicated)", color: "#b42323" },
] as const;

/**
 * Inspection outcomes per vendor as grouped bars. Every bar carries its number as a label
 * (so colour is not the only cue); the same numbers are in a table for screen readers.
 */
export function InspectionBars({
  data,
  title = "Inspection outcomes per vendor",
}: {
  data: InspectionCounts[];
  title?: string;
}) {
  return (
    <figure aria-label={title} className="space-y-2">
      <figcaption className="text-sm text-ink-muted">
        {title}. The numbers are also in the table that follows for screen readers.
      </figcaption>
      <div aria-hidden="true" className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d8dee5" vertical={false} />
            <XAxis dataKey="name" tick={{ fill: "#4a5866", fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fill: "#4a5866", fontSize: 12 }} />
            <Tooltip />
            <Legend
              wrapperStyle={{ fontSize: 12 }}
              itemSorter={(item) => BARS.findIndex((b) => b.key === item.dataKey)}
            />
            {BARS.map((b) => (
              <Bar key={b.key} dataKey={b.key} name={b.label} fill={b.color} isAnimationActive={false}>
                <LabelList dataKey={b.key} position="top" fontSize={11} fill="#17212b" />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            {BARS.map((b) => (
              <th key={b.key} scope="col">
                {b.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.name}>
              <th scope="row">{d.name}</th>
              <td>{d.NAI}</td>
              <td>{d.VAI}</td>
              <td>{d.OAI}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
