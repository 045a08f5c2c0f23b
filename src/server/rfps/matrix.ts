// The side-by-side matrix of submitted responses: one row per question (section headers kept) with
// each vendor's answer as display text, then one price row per stage with each vendor's quote and
// per-vendor totals (price sum, duration sum, stages not quoted). Used by the comparison page and
// the CSV export (matrix-csv.ts, apart so that pages showing answers ship no CSV writer).
// Browser-safe. Callers pass answers that are already redacted when prices are sealed (seal.ts);
// `pricesSealed` only changes how the gaps read.
import { stageLabel, type StageCode } from "../vendors/catalog";
import { allQuestions, isValidAnswer, type PriceAnswer, type Question, type RfpContent } from "./content";
import { formatMoney } from "./money";

export { formatMoney };

export type MatrixVendor = { key: string; name: string };
export type MatrixResponse = { vendorKey: string; vendorName: string; answers: Record<string, unknown> };

export type MatrixCell = {
  /** What the page and the CSV show; "" when not answered. */
  display: string;
  answered: boolean;
  /** The raw answer (file ids for links, numbers for sorting); undefined when not answered. */
  value?: unknown;
};

export type MatrixRow =
  | { type: "section"; sectionId: string; title: string }
  | {
      type: "question";
      sectionId: string;
      questionId: string;
      kind: Question["kind"];
      prompt: string;
      required: boolean;
      cells: MatrixCell[];
    };

export type PriceCell = (PriceAnswer & { display: string }) | null;

export type PriceRow = { questionId: string; stage: StageCode; stageLabel: string; prompt: string; cells: PriceCell[] };

export type VendorTotals = {
  vendorKey: string;
  /** Sum of the quoted prices (stages not quoted add nothing; see missingStages). */
  price: number;
  /** Sum of quoted durations, as if the stages ran one after another. */
  durationWeeks: number;
  quotedStages: StageCode[];
  missingStages: StageCode[];
};

export type Matrix = {
  vendors: MatrixVendor[];
  rows: MatrixRow[];
  priceRows: PriceRow[];
  totals: VendorTotals[];
  currency: string;
  pricesSealed: boolean;
};

export const SEALED = "Sealed";

const weeks = (n: number) => `${n} ${n === 1 ? "week" : "weeks"}`;

/** "USD 120,000 · 12 weeks (10–16)". */
export function formatPrice(p: PriceAnswer, currency = "USD"): string {
  const range =
    p.minWeeks !== undefined || p.maxWeeks !== undefined ? ` (${p.minWeeks ?? "?"}–${p.maxWeeks ?? "?"})` : "";
  return `${formatMoney(p.price, currency)} · ${weeks(p.durationWeeks)}${range}`;
}

/** A submitted answer as text. Answers that no longer fit the question (an older round) read as given. */
export function displayAnswer(question: Question, value: unknown, currency = "USD"): MatrixCell {
  if (!isValidAnswer(question, value)) {
    if (value === undefined || value === null || value === "") return { display: "", answered: false };
    // Show what is there rather than hide it; the sponsor judges.
    return { display: typeof value === "string" ? value : JSON.stringify(value), answered: true, value };
  }
  switch (question.kind) {
    case "text":
    case "single":
      return { display: value as string, answered: true, value };
    case "yesno":
      return { display: value ? "Yes" : "No", answered: true, value };
    case "number": {
      const n = (value as { value: number }).value;
      return { display: `${n.toLocaleString("en")} ${question.unit}`.trim(), answered: true, value: n };
    }
    case "multi":
      return { display: (value as string[]).join("; "), answered: true, value };
    case "file": {
      const ids = (value as { fileIds: string[] }).fileIds;
      return { display: ids.length === 1 ? "1 file" : `${ids.length} files`, answered: true, value: ids };
    }
    case "price":
      return { display: formatPrice(value as PriceAnswer, currency), answered: true, value };
  }
}

export function buildMatrix(
  content: RfpContent,
  responses: readonly MatrixResponse[],
  o: { currency?: string; pricesSealed?: boolean } = {},
): Matrix {
  const currency = o.currency ?? "USD";
  const sealed = o.pricesSealed ?? false;
  const vendors = responses.map((r) => ({ key: r.vendorKey, name: r.vendorName }));
  const answerOf = (r: MatrixResponse, id: string) => (Object.hasOwn(r.answers, id) ? r.answers[id] : undefined);

  const rows: MatrixRow[] = [];
  for (const section of content.sections) {
    rows.push({ type: "section", sectionId: section.id, title: section.title });
    for (const q of section.questions)
      rows.push({
        type: "question",
        sectionId: section.id,
        questionId: q.id,
        kind: q.kind,
        prompt: q.prompt,
        required: q.required,
        cells: responses.map((r) => {
          const cell = displayAnswer(q, answerOf(r, q.id), currency);
          return !cell.answered && sealed && (q.kind === "price" || q.kind === "file")
            ? { ...cell, display: SEALED }
            : cell;
        }),
      });
  }

  const priceQuestions = allQuestions(content).flatMap(({ question }) => (question.kind === "price" ? [question] : []));
  const priceRows: PriceRow[] = priceQuestions.map((q) => ({
    questionId: q.id,
    stage: q.stage,
    stageLabel: stageLabel(q.stage),
    prompt: q.prompt,
    cells: responses.map((r) => {
      const v = answerOf(r, q.id);
      return isValidAnswer(q, v) ? { ...(v as PriceAnswer), display: formatPrice(v as PriceAnswer, currency) } : null;
    }),
  }));

  const totals: VendorTotals[] = responses.map((r, i) => {
    const t: VendorTotals = { vendorKey: r.vendorKey, price: 0, durationWeeks: 0, quotedStages: [], missingStages: [] };
    for (const row of priceRows) {
      const c = row.cells[i];
      if (c) {
        t.price += c.price;
        t.durationWeeks += c.durationWeeks;
        t.quotedStages.push(row.stage);
      } else t.missingStages.push(row.stage);
    }
    return t;
  });

  return { vendors, rows, priceRows, totals, currency, pricesSealed: sealed };
}
