import type { Matrix } from "@/server/rfps/matrix";
import { formatMoney } from "@/server/rfps/money";
import { STAGES } from "@/server/vendors/catalog";
import { Card, CardHeader } from "../ui/card";
import { LocalTime } from "../ui/local-time";
import { ScrollX } from "../ui/scroll-x";
import { cn } from "../ui/cn";

// The side-by-side tables: a sticky first column (the question or stage) and one column per
// vendor, scrolling sideways when there are many. Prices first (what most readers come for),
// with the lowest quote per stage marked, then every answer by section.

type Column = { key: string; name: string; submittedAt: Date; round: number };

const STICKY = "sticky left-0 z-10 bg-surface";
const stageLabel = (code: string) => STAGES.find((s) => s.code === code)?.label ?? code;

function VendorHeads({ columns, first }: { columns: Column[]; first: string }) {
  return (
    <thead>
      <tr className="border-b border-line-strong">
        <th scope="col" className={cn(STICKY, "w-72 min-w-72 px-4 py-3 text-left font-semibold text-ink")}>
          {first}
        </th>
        {columns.map((c) => (
          <th key={c.key} scope="col" className="min-w-56 px-4 py-3 text-left align-bottom font-semibold text-ink">
            {c.name}
            <span className="block text-xs font-normal text-ink-muted">
              Submitted <LocalTime value={c.submittedAt} pattern="PP p" />
            </span>
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function PriceTable({ matrix, columns }: { matrix: Matrix; columns: Column[] }) {
  const lowest = matrix.priceRows.map((row) => {
    const quoted = row.cells.flatMap((c) => (c ? [c.price] : []));
    return quoted.length > 1 ? Math.min(...quoted) : null;
  });
  return (
    <Card aria-labelledby="prices-heading">
      <CardHeader
        id="prices-heading"
        title="Price lines per stage"
        description={`Prices in ${matrix.currency}. The lowest quote for each stage is marked; totals add the stages each vendor quoted.`}
      />
      <ScrollX label="Price lines per stage, scrolls sideways">
        <table className="w-full border-collapse text-sm">
          <VendorHeads columns={columns} first="Stage" />
          <tbody>
            {matrix.priceRows.map((row, r) => (
              <tr key={row.questionId} className="border-b border-line">
                <th scope="row" className={cn(STICKY, "px-4 py-2 text-left font-medium text-ink")}>
                  {row.stageLabel}
                </th>
                {row.cells.map((c, i) => {
                  const low = c !== null && lowest[r] !== null && c.price === lowest[r];
                  return (
                    <td
                      key={columns[i]!.key}
                      className={cn("px-4 py-2 align-top wrap-anywhere", low && "bg-success-50")}
                    >
                      {c ? (
                        <>
                          <span className={cn("font-medium text-ink", low && "text-success-700")}>
                            {formatMoney(c.price, matrix.currency)}
                          </span>
                          {low ? <span className="ml-2 text-xs font-semibold text-success-700">Lowest</span> : null}
                          <span className="block text-xs text-ink-muted">
                            {c.durationWeeks} weeks
                            {c.minWeeks !== undefined || c.maxWeeks !== undefined
                              ? ` (${c.minWeeks ?? "?"}–${c.maxWeeks ?? "?"})`
                              : ""}
                          </span>
                          {c.includes ? (
                            <span className="mt-1 line-clamp-2 block text-xs text-ink-muted" title={c.includes}>
                              {c.includes}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="text-ink-muted">Not quoted</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-line-strong bg-canvas">
              <th scope="row" className={cn(STICKY, "bg-canvas px-4 py-2 text-left font-semibold text-ink")}>
                Total
              </th>
              {matrix.totals.map((t, i) => (
                <td key={columns[i]!.key} className="px-4 py-2 align-top wrap-anywhere">
                  <span className="font-semibold text-ink">{formatMoney(t.price, matrix.currency)}</span>
                  <span className="block text-xs text-ink-muted">
                    {t.durationWeeks} weeks, stages one after another
                  </span>
                  {t.missingStages.length ? (
                    <span className="mt-1 block text-xs text-warning-800">
                      Not quoted: {t.missingStages.map(stageLabel).join(", ")}
                    </span>
                  ) : null}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollX>
    </Card>
  );
}

export function AnswerTable({ matrix, columns }: { matrix: Matrix; columns: Column[] }) {
  const groups: { id: string; title: string; rows: Extract<Matrix["rows"][number], { type: "question" }>[] }[] = [];
  for (const row of matrix.rows) {
    if (row.type === "section") groups.push({ id: row.sectionId, title: row.title, rows: [] });
    else if (row.kind !== "price") groups.at(-1)?.rows.push(row);
  }
  return (
    <Card aria-labelledby="answers-heading">
      <CardHeader id="answers-heading" title="Answers" description="Every question of the RFP, by section." />
      <ScrollX label="Answers side by side, scrolls sideways">
        <table className="w-full border-collapse text-sm">
          <VendorHeads columns={columns} first="Question" />
          {groups
            .filter((g) => g.rows.length > 0)
            .map((g) => (
              <tbody key={g.id}>
                <tr className="bg-canvas">
                  <th
                    scope="rowgroup"
                    colSpan={columns.length + 1}
                    className="sticky left-0 px-4 py-2 text-left text-xs font-semibold tracking-wide text-ink-muted uppercase"
                  >
                    {g.title}
                  </th>
                </tr>
                {g.rows.map((row) => (
                  <tr key={row.questionId} className="border-b border-line">
                    <th scope="row" className={cn(STICKY, "px-4 py-2 text-left align-top font-normal text-ink")}>
                      {row.prompt}
                      {row.required ? <span className="sr-only"> (required)</span> : null}
                    </th>
                    {row.cells.map((c, i) => (
                      <td
                        key={columns[i]!.key}
                        className="max-w-md px-4 py-2 align-top whitespace-pre-wrap wrap-anywhere text-ink"
                      >
                        {c.answered ? c.display : <span className="text-ink-muted">Not answered</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
        </table>
      </ScrollX>
    </Card>
  );
}
