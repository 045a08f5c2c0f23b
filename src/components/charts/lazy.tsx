"use client";

import dynamic from "next/dynamic";

// recharts is 87 KB gzip: the charts load when a page is about to draw one, not with its first
// load. The placeholder keeps the chart's height so nothing below it moves.
function ChartPlaceholder({ height }: { height: string }) {
  return (
    <div role="status" aria-label="Loading the chart" className={`${height} animate-pulse rounded-md bg-canvas`} />
  );
}

export const QualityTimeline = dynamic(() => import("./quality-timeline").then((m) => m.QualityTimeline), {
  ssr: false,
  loading: () => <ChartPlaceholder height="h-64" />,
});

export const InspectionBars = dynamic(() => import("./inspection-bars").then((m) => m.InspectionBars), {
  ssr: false,
  loading: () => <ChartPlaceholder height="h-72" />,
});
