import { Card, CardBody, CardHeader } from "../ui/card";
import { formatDay, formatScore } from "./format";
import { QualityBand } from "./quality-badge";
import type { QualityInfo } from "./types";
import { ScrollX } from "../ui/scroll-x";

const EVENT_LABEL: Record<string, string> = {
  inspection: "Inspection",
  warningLetter: "Warning letter",
  recall: "Recall",
};

export const privateRecordsText = (n: number) => `Includes ${n} of your private record${n === 1 ? "" : "s"}`;

/**
 * Whether the score is the public record's (the same for every sponsor, FDA data included) or
 * also counts this organisation's own records, and then what the public record alone scores.
 */
function PrivateRecordsNote({ quality }: { quality: QualityInfo }) {
  if (!quality.privateRecords) {
    if (quality.score == null) return null;
    return (
      <p className="text-sm text-ink-muted" data-testid="quality-basis">
        Based on the public record (FDA data and what the CDMO declares): every sponsor sees this score.
      </p>
    );
  }
  return (
    <p className="text-sm text-ink" data-testid="quality-basis">
      <span className="font-medium">{privateRecordsText(quality.privateRecords)}</span>
      {quality.publicScore != null
        ? `, which only your organisation sees. The public record alone scores ${formatScore(quality.publicScore)}, the score other sponsors see.`
        : ", which only your organisation sees."}
    </p>
  );
}

/** The derived score beside the vendor, with the formula and every penalty that made it. */
export function QualityScoreCard({ quality }: { quality: QualityInfo }) {
  const total = quality.penalties.reduce((s, p) => s + p.penalty, 0);
  // Events that cost nothing (an NAI inspection, a closed letter past its weight) would fill the
  // table with "−0.0": the table lists what lowered the score, and a line counts the rest.
  const costly = quality.penalties.filter((p) => p.penalty >= 0.05);
  const free = quality.penalties.length - costly.length;
  return (
    <Card aria-labelledby="quality-heading">
      <CardHeader id="quality-heading" title="Quality score" description={`As of ${formatDay(quality.asOf)}`} />
      <CardBody className="space-y-4">
        {/* The number once, large, with its band as a word beside it (not the number again). */}
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-4xl font-semibold text-ink" data-testid="quality-score-value">
            {formatScore(quality.score)}
          </p>
          {quality.score != null ? <QualityBand score={quality.score} /> : null}
        </div>
        <p className="text-sm text-ink">
          {quality.score == null
            ? "There is no inspection, warning letter or recall on record, so there is no score yet."
            : `The score starts at 100 and loses points for inspections with findings, warning letters and recalls. Recent events weigh more than old ones. Here the penalties add up to ${total.toFixed(1)} points.`}
        </p>
        <PrivateRecordsNote quality={quality} />
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">How the score is calculated</summary>
          <p className="mt-2 text-ink-muted">{quality.formula}</p>
        </details>
        {costly.length ? (
          <ScrollX label={"Penalty breakdown (scrollable)"}>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Penalties behind the quality score</caption>
              <thead className="bg-canvas text-xs text-ink-muted uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Event
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Base × weight
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Penalty
                  </th>
                </tr>
              </thead>
              <tbody>
                {costly.map((p, i) => (
                  // Three columns (the date under the event) so the table fits the narrow side card.
                  <tr key={i} className="border-b border-line last:border-b-0">
                    <td className="px-3 py-2">
                      {EVENT_LABEL[p.kind] ?? p.kind}
                      <span className="block text-xs whitespace-nowrap text-ink-muted">{formatDay(p.date)}</span>
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                      {p.base} × {p.decay.toFixed(2)}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">−{p.penalty.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        ) : null}
        {free ? (
          <p className="text-sm text-ink-muted" data-testid="zero-penalty-note">
            {costly.length ? "Not listed: " : ""}
            {free} {free === 1 ? "event" : "events"} on record that cost no points (inspections without findings, or
            events too old to weigh).
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
