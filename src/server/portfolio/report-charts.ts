// The decision report's charts as SVG strings (pdfmake draws `svg` nodes as vectors): a Gantt of
// one portfolio, cost against duration of the optimiser's best portfolios, and the Monte Carlo
// histogram. Pure: the unit test checks the geometry against the decision core's metrics.
import { ZAssumptions, type TProblemInput } from "../decision/portfolio-schema";
import { compact, num, svgText } from "./report-format";

export const CHART_WIDTH = 515;
const FONT = `font-family="Helvetica"`;
const PALETTE = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#db2777", "#65a30d", "#7c3aed"];
const EXTERNAL = "#ef4444";
const INTERNAL = "#9ca3af";
const ONBOARDING = "#d1d5db";
const AXIS = "#6b7280";

/** One colour per vendor, in the problem's vendor order, so a vendor keeps its colour in every chart. */
export function vendorColours(ids: string[]): Map<string, string> {
  return new Map(ids.map((id, i) => [id, PALETTE[i % PALETTE.length]!]));
}

export type GanttSegment = {
  row: number;
  kind: "onboarding" | "stage" | "external" | "internal";
  start: number;
  end: number;
  vendorId: string | null;
};

/**
 * The timeline decision-model.md section 3 sums: onboarding, then each stage in order, with an
 * external transfer before a stage at another vendor and an internal hand-over before one at the
 * same vendor. The last segment ends at the portfolio's durationWeeks.
 */
export function ganttSegments(
  problem: Pick<TProblemInput, "stages" | "offers" | "assumptions">,
  assignment: Record<string, string>,
): GanttSegment[] {
  const a = ZAssumptions.parse(problem.assumptions ?? {});
  const out: GanttSegment[] = [];
  let t = 0;
  if (a.onboardingWeeks > 0) {
    out.push({ row: 0, kind: "onboarding", start: 0, end: a.onboardingWeeks, vendorId: null });
    t = a.onboardingWeeks;
  }
  problem.stages.forEach((s, i) => {
    const v = assignment[s.id] ?? "";
    if (i > 0) {
      const same = assignment[problem.stages[i - 1]!.id] === v;
      const w = same ? a.internalTransferWeeks : a.externalTransferWeeks;
      if (w > 0) out.push({ row: i, kind: same ? "internal" : "external", start: t, end: t + w, vendorId: null });
      t += w;
    }
    const d = problem.offers.find((o) => o.vendorId === v && o.stageId === s.id)?.durationWeeks ?? 0;
    out.push({ row: i, kind: "stage", start: t, end: t + d, vendorId: v });
    t += d;
  });
  return out;
}

function tickStep(span: number, most = 10): number {
  for (const step of [1, 2, 4, 5, 10, 13, 20, 26, 52, 104, 260, 520]) if (span / step <= most) return step;
  return Math.ceil(span / most);
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}...` : s);

/** Legend entries laid out left to right, wrapping; returns the SVG and the height it took. */
function legend(items: { colour: string; label: string }[], y: number): { svg: string; height: number } {
  let x = 0;
  let row = 0;
  const parts: string[] = [];
  for (const it of items) {
    const label = clip(it.label, 40);
    const w = 16 + label.length * 4.6 + 12;
    if (x > 0 && x + w > CHART_WIDTH) {
      x = 0;
      row++;
    }
    const ty = y + row * 14;
    parts.push(
      `<rect x="${x}" y="${ty}" width="10" height="8" fill="${it.colour}"/>`,
      `<text x="${x + 14}" y="${ty + 7.5}" font-size="8" ${FONT} fill="#111827">${svgText(label)}</text>`,
    );
    x += w;
  }
  return { svg: parts.join(""), height: (row + 1) * 14 };
}

export function ganttSvg(
  problem: Pick<TProblemInput, "stages" | "offers" | "assumptions">,
  assignment: Record<string, string>,
  names: { stage: (id: string) => string; vendor: (id: string) => string },
  colours: Map<string, string>,
): string {
  const segs = ganttSegments(problem, assignment);
  const total = Math.max(1, ...segs.map((s) => s.end));
  const labelW = 180;
  const plotW = CHART_WIDTH - labelW - 10;
  const rowH = 16;
  const rows = problem.stages.length;
  const x = (w: number) => labelW + (w / total) * plotW;
  const parts: string[] = [];
  problem.stages.forEach((s, i) => {
    const label = `${names.stage(s.id)}: ${names.vendor(assignment[s.id] ?? "")}`;
    parts.push(
      `<text x="0" y="${i * rowH + 11}" font-size="8" ${FONT} fill="#111827">${svgText(clip(label, 42))}</text>`,
    );
  });
  for (const s of segs) {
    const fill =
      s.kind === "stage"
        ? (colours.get(s.vendorId ?? "") ?? AXIS)
        : s.kind === "external"
          ? EXTERNAL
          : s.kind === "internal"
            ? INTERNAL
            : ONBOARDING;
    const w = Math.max(0.5, x(s.end) - x(s.start));
    parts.push(
      `<rect x="${x(s.start).toFixed(2)}" y="${s.row * rowH + 3}" width="${w.toFixed(2)}" height="${rowH - 6}" fill="${fill}"/>`,
    );
  }
  const axisY = rows * rowH + 2;
  parts.push(
    `<line x1="${labelW}" y1="${axisY}" x2="${labelW + plotW}" y2="${axisY}" stroke="${AXIS}" stroke-width="0.5"/>`,
  );
  const step = tickStep(total);
  for (let w = 0; w <= total + 1e-9; w += step)
    parts.push(
      `<line x1="${x(w)}" y1="${axisY}" x2="${x(w)}" y2="${axisY + 3}" stroke="${AXIS}" stroke-width="0.5"/>`,
      `<text x="${x(w) - 4}" y="${axisY + 11}" font-size="7" ${FONT} fill="${AXIS}">${w}</text>`,
    );
  parts.push(
    `<text x="${labelW + plotW - 90}" y="${axisY + 21}" font-size="7" ${FONT} fill="${AXIS}">weeks (total ${num(total, 1)})</text>`,
  );
  const used = [...new Set(problem.stages.map((s) => assignment[s.id] ?? ""))];
  const keys = [
    ...used.map((v) => ({ colour: colours.get(v) ?? AXIS, label: names.vendor(v) })),
    ...(segs.some((s) => s.kind === "external") ? [{ colour: EXTERNAL, label: "External tech transfer" }] : []),
    ...(segs.some((s) => s.kind === "internal") ? [{ colour: INTERNAL, label: "Internal hand-over" }] : []),
    ...(segs.some((s) => s.kind === "onboarding") ? [{ colour: ONBOARDING, label: "Onboarding" }] : []),
  ];
  const leg = legend(keys, axisY + 28);
  const height = axisY + 28 + leg.height;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">${parts.join("")}${leg.svg}</svg>`;
}

export type ScatterPoint = {
  /** Drawn beside the point: a rank ("3") for the optimiser's list, a letter for the highlighted ones. */
  mark: string;
  cost: number;
  weeks: number;
  kind: "top" | "integrated" | "specialized" | "hybrid" | "chosen";
};

const KIND_COLOUR: Record<ScatterPoint["kind"], string> = {
  top: "#9ca3af",
  integrated: "#2563eb",
  specialized: "#16a34a",
  hybrid: "#d97706",
  chosen: "#dc2626",
};
/** Where a highlighted letter sits, so letters of portfolios on the same spot do not overprint. */
const KIND_OFFSET: Record<ScatterPoint["kind"], [number, number]> = {
  top: [4, 9],
  integrated: [5, -4],
  specialized: [5, 10],
  hybrid: [-11, -4],
  chosen: [-11, 10],
};
const KIND_LABEL: Record<ScatterPoint["kind"], string> = {
  top: "Optimiser's best (rank)",
  integrated: "I: best integrated",
  specialized: "S: best specialized",
  hybrid: "H: best hybrid",
  chosen: "C: chosen",
};

function range(values: number[], minSpan: number): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.08, minSpan);
  return [lo - pad, hi + pad];
}

/** Cost (y) against duration (x), the optimiser's best by rank and the highlighted portfolios by letter. */
export function scatterSvg(points: ScatterPoint[], currency: string): string {
  const H = 230;
  const left = 60;
  const bottom = 30;
  const plotW = CHART_WIDTH - left - 10;
  const topY = 20; // the y axis title sits above the plot
  const plotH = H - bottom - topY;
  const [x0, x1] = range(
    points.map((p) => p.weeks),
    1,
  );
  const [y0, y1] = range(
    points.map((p) => p.cost),
    Math.max(1, Math.max(...points.map((p) => p.cost)) * 0.02),
  );
  const X = (w: number) => left + ((w - x0) / (x1 - x0)) * plotW;
  const Y = (c: number) => topY + plotH - ((c - y0) / (y1 - y0)) * plotH;
  const parts: string[] = [
    `<rect x="${left}" y="${topY}" width="${plotW}" height="${plotH}" fill="none" stroke="${AXIS}" stroke-width="0.5"/>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const c = y0 + ((y1 - y0) * i) / 4;
    const w = x0 + ((x1 - x0) * i) / 4;
    parts.push(
      `<text x="2" y="${Y(c) + 3}" font-size="7" ${FONT} fill="${AXIS}">${compact(c)}</text>`,
      `<text x="${X(w) - 8}" y="${topY + plotH + 11}" font-size="7" ${FONT} fill="${AXIS}">${num(w, 1)}</text>`,
    );
  }
  parts.push(
    `<text x="${left + plotW / 2 - 40}" y="${H - 4}" font-size="8" ${FONT} fill="#111827">Duration (weeks)</text>`,
    `<text x="2" y="8" font-size="8" ${FONT} fill="#111827">Cost (${svgText(currency)})</text>`,
  );
  // The optimiser's list first, so the highlighted markers sit on top of it.
  const ordered = [...points].sort((a, b) => Number(a.kind !== "top") - Number(b.kind !== "top"));
  for (const p of ordered) {
    const top = p.kind === "top";
    const r = top ? 2.5 : 4;
    parts.push(
      `<circle cx="${X(p.weeks).toFixed(2)}" cy="${Y(p.cost).toFixed(2)}" r="${r}" fill="${KIND_COLOUR[p.kind]}"/>`,
      `<text x="${(X(p.weeks) + KIND_OFFSET[p.kind][0]).toFixed(2)}" y="${(Y(p.cost) + KIND_OFFSET[p.kind][1]).toFixed(2)}" font-size="${top ? 6.5 : 8}" ${FONT} fill="${KIND_COLOUR[p.kind]}">${svgText(p.mark)}</text>`,
    );
  }
  const kinds = [...new Set(points.map((p) => p.kind))];
  const leg = legend(
    kinds.map((k) => ({ colour: KIND_COLOUR[k], label: KIND_LABEL[k] })),
    H + 6,
  );
  const height = H + 6 + leg.height;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">${parts.join("")}${leg.svg}</svg>`;
}

/** The simulated duration's histogram with the P10, P50 and P90 marked. */
export function histogramSvg(
  bins: { from: number; to: number; count: number }[],
  marks: { label: string; at: number }[],
): string {
  const H = 200;
  const top = 30; // room for the marks' labels, one line each so close percentiles stay readable
  const left = 40;
  const plotW = CHART_WIDTH - left - 10;
  const plotH = H - top - 40;
  const base = top + plotH;
  const lo = bins[0]?.from ?? 0;
  const hi = Math.max(bins[bins.length - 1]?.to ?? lo + 1, lo + 1e-9);
  const span = hi - lo || 1;
  const peak = Math.max(1, ...bins.map((b) => b.count));
  const X = (w: number) => left + ((w - lo) / span) * plotW;
  const Y = (n: number) => base - (n / peak) * plotH;
  const parts: string[] = [];
  const barW = bins.length ? plotW / bins.length : plotW;
  bins.forEach((b, i) => {
    parts.push(
      `<rect x="${(left + i * barW).toFixed(2)}" y="${Y(b.count).toFixed(2)}" width="${Math.max(0.5, barW - 0.6).toFixed(2)}" height="${(base - Y(b.count)).toFixed(2)}" fill="#60a5fa"/>`,
    );
  });
  parts.push(
    `<line x1="${left}" y1="${base}" x2="${left + plotW}" y2="${base}" stroke="${AXIS}" stroke-width="0.5"/>`,
    `<text x="2" y="${Y(peak) + 3}" font-size="7" ${FONT} fill="${AXIS}">${peak}</text>`,
    `<text x="2" y="${base}" font-size="7" ${FONT} fill="${AXIS}">0</text>`,
  );
  for (let i = 0; i <= 4; i++) {
    const w = lo + (span * i) / 4;
    parts.push(`<text x="${X(w) - 8}" y="${base + 11}" font-size="7" ${FONT} fill="${AXIS}">${num(w, 1)}</text>`);
  }
  marks.forEach((m, i) => {
    const mx = X(Math.min(hi, Math.max(lo, m.at)));
    parts.push(
      `<line x1="${mx.toFixed(2)}" y1="${3 + i * 9}" x2="${mx.toFixed(2)}" y2="${base}" stroke="#111827" stroke-width="0.7" stroke-dasharray="2,2"/>`,
      `<text x="${(mx + 2).toFixed(2)}" y="${9 + i * 9}" font-size="7" ${FONT} fill="#111827">${svgText(`${m.label} ${num(m.at, 1)}`)}</text>`,
    );
  });
  parts.push(
    `<text x="${left + plotW / 2 - 50}" y="${H - 14}" font-size="8" ${FONT} fill="#111827">Simulated duration (weeks)</text>`,
    `<text x="2" y="${H - 2}" font-size="7" ${FONT} fill="${AXIS}">Bars: iterations per duration bin.</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${H}" viewBox="0 0 ${CHART_WIDTH} ${H}">${parts.join("")}</svg>`;
}
