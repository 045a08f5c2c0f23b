"use client";

import type { ReactNode } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { formatDay } from "./format";
import { countryName } from "./options";
import type { InspectionRow, RecallRow, VendorHistory, VendorSiteRow, WarningLetterRow } from "./types";
import { ScrollX } from "../ui/scroll-x";

export type HistoryKind = "inspection" | "warningLetter" | "recall";
type Remove = (kind: HistoryKind, id: string) => void;

const OUTCOME_TONE = { NAI: "success", VAI: "warning", OAI: "danger" } as const;

function SimpleTable({
  caption,
  head,
  children,
  empty,
}: {
  caption: string;
  head: string[];
  children: ReactNode;
  empty: boolean;
}) {
  if (empty) return <p className="px-5 py-3 text-sm text-ink-muted">No {caption.toLowerCase()} on record.</p>;
  return (
    <ScrollX label={caption}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="px-5 pt-3 pb-1 text-left text-sm font-semibold text-ink">{caption}</caption>
        <thead className="bg-canvas text-xs text-ink-muted uppercase">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-4 py-2">
                {h || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollX>
  );
}

/** Who sees the record, where it comes from ("FDA Data Dashboard, 2026-11-30"), and whether it counts. */
function Source({ row }: { row: { visibility: string; source: string; countedOnce: boolean } }) {
  return (
    <span className="flex flex-col items-start gap-1">
      {row.visibility === "OWN" ? <Badge tone="brand">Your record</Badge> : <Badge>Public</Badge>}
      <span className="text-xs text-ink-muted" data-testid="record-source">
        {row.source}
      </span>
      {row.countedOnce ? (
        <span className="text-xs text-ink-muted">Also on the public record; counted once.</span>
      ) : null}
    </span>
  );
}

function RemoveButton({ what, onConfirm }: { what: string; onConfirm: () => void }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          Remove<span className="sr-only"> {what}</span>
        </Button>
      }
      title={`Remove the ${what}?`}
      description={`The ${what} is deleted and the quality score is recalculated. This cannot be undone.`}
      confirmLabel="Remove"
      onConfirm={onConfirm}
    />
  );
}

/** Inspections, warning letters and recalls; rows your organisation recorded can be removed. */
export function HistoryTables({
  history,
  sites,
  canRemove,
  onRemove,
}: {
  history: VendorHistory;
  sites: VendorSiteRow[];
  canRemove: boolean;
  onRemove: Remove;
}) {
  const siteName = (id: string | null | undefined) => {
    const s = sites.find((x) => x.id === id);
    if (!s) return "—";
    return (
      [s.name || s.city, countryName(s.country)].filter(Boolean).join(", ") +
      (s.removed ? " (site removed by the CDMO)" : "")
    );
  };
  const removable = (r: { visibility: string }) => canRemove && r.visibility === "OWN";
  const cell = "px-4 py-2";
  const text = `${cell} min-w-32 wrap-anywhere`; // free text: long words wrap in the cell

  return (
    <div className="divide-y divide-line">
      <SimpleTable
        caption="Inspections"
        head={["End date", "Site", "Agency", "Outcome", "483 obs.", "Source", ""]}
        empty={!history.inspections.length}
      >
        {history.inspections.map((r: InspectionRow) => (
          <tr key={r.id} className="border-b border-line last:border-b-0">
            <td className={`${cell} whitespace-nowrap`}>{formatDay(r.endDate)}</td>
            <td className={text}>{siteName(r.siteId)}</td>
            <td className={cell}>{r.agency}</td>
            <td className={cell}>
              <Badge tone={OUTCOME_TONE[r.classification]}>{r.classification}</Badge>
            </td>
            <td className={`${cell} tabular-nums`}>{r.observations483 ?? "—"}</td>
            <td className={cell}>
              <Source row={r} />
            </td>
            <td className={`${cell} text-right`}>
              {removable(r) ? (
                <RemoveButton
                  what={`inspection of ${formatDay(r.endDate)}`}
                  onConfirm={() => onRemove("inspection", r.id)}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </SimpleTable>
      <SimpleTable
        caption="Warning letters"
        head={["Issued", "Site", "Subject", "Status", "Source", ""]}
        empty={!history.warningLetters.length}
      >
        {history.warningLetters.map((r: WarningLetterRow) => (
          <tr key={r.id} className="border-b border-line last:border-b-0">
            <td className={`${cell} whitespace-nowrap`}>{formatDay(r.issuedAt)}</td>
            <td className={text}>{siteName(r.siteId)}</td>
            <td className={text}>{r.subject}</td>
            <td className={cell}>
              {r.status === "OPEN" ? (
                <Badge tone="danger">Open</Badge>
              ) : (
                <Badge>Closed {r.closedAt ? formatDay(r.closedAt) : ""}</Badge>
              )}
            </td>
            <td className={cell}>
              <Source row={r} />
            </td>
            <td className={`${cell} text-right`}>
              {removable(r) ? (
                <RemoveButton
                  what={`warning letter of ${formatDay(r.issuedAt)}`}
                  onConfirm={() => onRemove("warningLetter", r.id)}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </SimpleTable>
      <SimpleTable
        caption="Recalls"
        head={["Date", "Site", "Class", "Product", "Reason", "Source", ""]}
        empty={!history.recalls.length}
      >
        {history.recalls.map((r: RecallRow) => (
          <tr key={r.id} className="border-b border-line last:border-b-0">
            <td className={`${cell} whitespace-nowrap`}>{formatDay(r.date)}</td>
            <td className={text}>{siteName(r.siteId)}</td>
            <td className={cell}>{r.classification ? `Class ${r.classification}` : "Unknown"}</td>
            <td className={text}>{r.product || "—"}</td>
            <td className={text}>{r.reason || "—"}</td>
            <td className={cell}>
              <Source row={r} />
            </td>
            <td className={`${cell} text-right`}>
              {removable(r) ? (
                <RemoveButton what={`recall of ${formatDay(r.date)}`} onConfirm={() => onRemove("recall", r.id)} />
              ) : null}
            </td>
          </tr>
        ))}
      </SimpleTable>
    </div>
  );
}
