"use client";

import { yearTicks } from "./year-ticks";
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";

export type TimelineEvent = {
  id: string;
  kind: "inspection" | "warningLetter" | "recall";
  /** Calendar date (UTC midnight). */
  date: Date | string;
  /** NAI / VAI / OAI for inspections, OPEN / CLOSED for letters, the class for recalls. */
  category: string;
  /** One sentence describing the event, for the text alternative and the tooltip. */
  description: string;
};

// Each series differs in colour AND marker shape, so it reads without colour vision.
const SERIES = [
  { key: "NAI", name: "Inspection NAI", lane: 3, color: "#1f6b3c", shape: "circle" },
  { key: "VAI", name: "Inspection VAI", lane: 3, color: "#a15c00", shape: "triangle" },
  { key: "OAI", name: "Inspection OAI", lane: 3, color: "#b42323", shape: "cross" },
  { key: "WL_OPEN", name: "Warning letter (open)", lane: 2, color: "#961c1c", shape: "square" },
  { key: "WL_CLOSED", name: "Warning letter (closed)", lane: 2, color: "#4a5866", shape: "diamond" },
  { key: "RECALL", name: "Recall", lane: 1, color: "#6b3fa0", shape: "star" },
] as const;
const LANES: Record<number, string> = { 1: "Recalls", 2: "Warning letters", 3: "Inspections" };

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const time = (d: Date | string) => (typeof d === "string" ? new Date(d) : d).getTime();

function seriesKey(e: TimelineEvent): string {
  if (e.kind === "inspection") return e.category;
  if (e.kind === "warningLetter") return e.category === "OPEN" ? "WL_OPEN" : "WL_CLOSED";
  return "RECALL";
}

type Point = { x: number; y: number; description: string };

/**
 * Quality events over time. The chart is decorative for assistive tech (aria-hidden); the
 * same events are listed, oldest first, in the figure's text alternative.
 */
export function QualityTimeline({
  events,
  title = "Quality events over time",
}: {
  events: TimelineEvent[];
  title?: string;
}) {
  const sorted = [...events].sort((a, b) => time(a.date) - time(b.date));
  const bySeries = new Map<string, Point[]>();
  for (const e of sorted) {
    const s = SERIES.find((x) => x.key === seriesKey(e));
    if (!s) continue;
    const list = bySeries.get(s.key) ?? [];
    list.push({ x: time(e.date), y: s.lane, description: e.description });
    bySeries.set(s.key, list);
  }
  const xs = sorted.map((e) => time(e.date));
  const pad = 180 * 86_400_000;
  const domain: [number, number] = xs.length ? [Math.min(...xs) - pad, Math.max(...xs) + pad] : [0, 1];
  // Within a single year there is no 1 January to mark: one tick in the middle names the year.
  const janFirsts = yearTicks(domain[0], domain[1]);
  const ticks = janFirsts.length ? janFirsts : [(domain[0] + domain[1]) / 2];
  const counts = {
    inspections: events.filter((e) => e.kind === "inspection").length,
    letters: events.filter((e) => e.kind === "warningLetter").length,
    recalls: events.filter((e) => e.kind === "recall").length,
  };

  return (
    <figure aria-label={title} className="space-y-2">
      <figcaption className="text-sm text-ink-muted">
        {title}: {counts.inspections} inspection{counts.inspections === 1 ? "" : "s"}, {counts.letters} warning letter
        {counts.letters === 1 ? "" : "s"}, {counts.recalls} recall{counts.recalls === 1 ? "" : "s"}.
        {events.length ? " Each event is listed below the chart for screen readers." : ""}
      </figcaption>
      {events.length ? (
        <div aria-hidden="true" className="h-56 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d8dee5" />
              <XAxis
                type="number"
                dataKey="x"
                domain={domain}
                scale="time"
                ticks={ticks}
                tickFormatter={(v: number) => String(new Date(v).getUTCFullYear())}
                tick={{ fill: "#4a5866", fontSize: 12 }}
              />
              <YAxis
                type="number"
                dataKey="y"
                domain={[0.5, 3.5]}
                ticks={[1, 2, 3]}
                width={110}
                tickFormatter={(v: number) => LANES[v] ?? ""}
                tick={{ fill: "#4a5866", fontSize: 12 }}
              />
              <Tooltip
                cursor={false}
                content={({ payload }) => {
                  const p = payload?.[0]?.payload as Point | undefined;
                  return p ? (
                    <div className="rounded border border-line bg-surface px-2 py-1 text-xs text-ink shadow">
                      {p.description}
                    </div>
                  ) : null;
                }}
              />
              <Legend
                wrapperStyle={{ fontSize: 12 }}
                itemSorter={(item) => SERIES.findIndex((x) => x.name === item.value)}
              />
              {SERIES.filter((s) => bySeries.has(s.key)).map((s) => (
                <Scatter
                  key={s.key}
                  name={s.name}
                  data={bySeries.get(s.key)}
                  fill={s.color}
                  shape={s.shape}
                  legendType={s.shape}
                  isAnimationActive={false}
                />
              ))}
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <ul className="sr-only" aria-label="Quality events, oldest first">
        {sorted.map((e) => (
          <li key={`${e.kind}-${e.id}`}>
            {DAY.format(new Date(time(e.date)))}: {e.description}
          </li>
        ))}
      </ul>
    </figure>
  );
}
