import type { VendorScore } from "@/server/decision/scorecard";
import type { RerankVendor } from "@/server/decision/rerank";
import type { FlatCriterion } from "@/server/evaluation/criteria";
import { ScrollX } from "../ui/scroll-x";
import { fmtScore, pct } from "./types";

/** Rank, total and coverage on the current weights; subtotals per category; movement against the team's ranking. */
export function RankingTable({
  ranked,
  base,
  names,
  tops,
}: {
  ranked: RerankVendor[];
  base: VendorScore[];
  names: Map<string, string>;
  tops: FlatCriterion[];
}) {
  const baseRank = new Map(base.map((v) => [v.vendorId, v]));
  return (
    <ScrollX label="Ranking">
      <table className="w-full text-sm" data-testid="ranking">
        <caption className="sr-only">Vendors ranked by total score</caption>
        <thead>
          <tr className="border-b border-line text-left text-ink-muted">
            <th scope="col" className="px-2 py-2">
              Rank
            </th>
            <th scope="col" className="px-2 py-2">
              Vendor
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              Total
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              Coverage
            </th>
            {tops.map((t) => (
              <th key={t.id} scope="col" className="px-2 py-2 text-right">
                {t.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranked.map((v) => {
            const b = baseRank.get(v.vendorId)!;
            const delta = b.rank - v.rank;
            return (
              <tr key={v.vendorId} className="border-b border-line last:border-0" data-vendor={names.get(v.vendorId)}>
                <td className="px-2 py-2 font-semibold tabular-nums">
                  {v.rank}
                  {delta !== 0 ? (
                    <span className={delta > 0 ? "ml-1 text-success-700" : "ml-1 text-danger-700"}>
                      {delta > 0 ? `▲${delta}` : `▼${-delta}`}
                      <span className="sr-only"> against the team&apos;s weights</span>
                    </span>
                  ) : null}
                </td>
                <th scope="row" className="px-2 py-2 text-left font-medium">
                  {names.get(v.vendorId)}
                </th>
                <td className="px-2 py-2 text-right font-semibold tabular-nums" data-testid="total">
                  {fmtScore(v.total, 2)}
                </td>
                <td className="px-2 py-2 text-right tabular-nums">{pct(v.coverage)}</td>
                {tops.map((t) => (
                  <td key={t.id} className="px-2 py-2 text-right tabular-nums">
                    {fmtScore(b.categories[t.id] ?? null)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollX>
  );
}
