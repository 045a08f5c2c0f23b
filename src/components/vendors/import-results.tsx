import Link from "next/link";
import { Card, CardBody, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";

export type RowError = { line: number; column: string; message: string };

/** Every problem the server found, by line and column; the commit stays blocked until fixed. */
const SHOWN = 500; // a broken 100,000-row file should not freeze the page

export function ImportErrorsTable({ errors }: { errors: RowError[] }) {
  return (
    <Card aria-labelledby="import-errors-heading" className="border-danger-600/40">
      <CardHeader
        id="import-errors-heading"
        title={`${errors.length} problem${errors.length === 1 ? "" : "s"} in the file`}
        description="Nothing can be imported until every row is valid. Fix the file and upload it again."
      />
      <div className="max-h-96 overflow-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Problems found in the file</caption>
          <thead className="sticky top-0 bg-canvas text-xs text-ink-muted uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">
                Line
              </th>
              <th scope="col" className="px-4 py-2">
                Column
              </th>
              <th scope="col" className="px-4 py-2">
                Problem
              </th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN).map((e, i) => (
              <tr key={`${e.line}-${e.column}-${i}`} className="border-b border-line last:border-b-0">
                <td className="px-4 py-2 whitespace-nowrap tabular-nums">Line {e.line}</td>
                <td className="px-4 py-2">{e.column || "—"}</td>
                <td className="px-4 py-2 wrap-anywhere">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors.length > SHOWN ? (
          <p className="px-4 py-2 text-sm text-ink-muted">
            Showing the first {SHOWN} of {errors.length} problems.
          </p>
        ) : null}
      </div>
    </Card>
  );
}

type Counts = { create: number; update: number; unchanged: number; alreadyPublic: number; unmatched: number };
type AffectedVendor = { id: string; name: string; created: number; updated: number; alreadyPublic: number };
type Unmatched = {
  line: number;
  feiNumber: string | null;
  legalName: string | null;
  city: string | null;
  reason: string;
};

export function PreviewCounts({ counts, verb = "will be" }: { counts: Counts; verb?: string }) {
  const items = [
    { label: `Records that ${verb} created`, value: counts.create },
    { label: `Records that ${verb} updated`, value: counts.update },
    { label: "Unchanged records", value: counts.unchanged },
    // FDA records are public facts, loaded once for everyone: a row already there is not copied.
    { label: "Already on the public record", value: counts.alreadyPublic },
    { label: "Rows matching no vendor", value: counts.unmatched },
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {items.map((i) => (
        <div key={i.label} className="rounded-md border border-line bg-canvas px-4 py-3">
          <dt className="text-xs text-ink-muted">{i.label}</dt>
          <dd className="text-2xl font-semibold text-ink tabular-nums">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AffectedVendors({
  orgSlug,
  vendors,
  title = "Vendors affected",
}: {
  orgSlug: string;
  vendors: AffectedVendor[];
  title?: string;
}) {
  return (
    <section aria-labelledby="affected-heading" className="space-y-2">
      <h3 id="affected-heading" className="text-sm font-semibold text-ink">
        {title}
      </h3>
      {vendors.length ? (
        <ul className="divide-y divide-line rounded-md border border-line" aria-label={title}>
          {vendors.map((v) => (
            <li key={v.id} className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm">
              <Link href={`/${orgSlug}/vendors/${v.id}`} className="font-medium text-brand-700 underline">
                {v.name}
              </Link>
              <span className="text-ink-muted">
                {v.created} new, {v.updated} updated
                {v.alreadyPublic ? `, ${v.alreadyPublic} already on the public record` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">No vendor changes.</p>
      )}
    </section>
  );
}

export function UnmatchedRows({ rows }: { rows: Unmatched[] }) {
  if (!rows.length) return null;
  return (
    <section aria-labelledby="unmatched-heading" className="space-y-2">
      <h3 id="unmatched-heading" className="text-sm font-semibold text-ink">
        Rows that match no vendor ({rows.length})
      </h3>
      <p className="text-xs text-ink-muted">
        These rows are skipped. Add the site&apos;s FEI number to the vendor, or a private vendor record, and import
        again.
      </p>
      <div className="max-h-72 overflow-auto rounded-md border border-line">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Rows that match no vendor</caption>
          <thead className="sticky top-0 bg-canvas text-xs text-ink-muted uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Line
              </th>
              <th scope="col" className="px-3 py-2">
                FEI number
              </th>
              <th scope="col" className="px-3 py-2">
                Legal name
              </th>
              <th scope="col" className="px-3 py-2">
                City
              </th>
              <th scope="col" className="px-3 py-2">
                Reason
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} className="border-b border-line last:border-b-0">
                <td className="px-3 py-2 tabular-nums">{r.line}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.feiNumber || "—"}</td>
                <td className="px-3 py-2 wrap-anywhere">{r.legalName || "—"}</td>
                <td className="px-3 py-2">{r.city || "—"}</td>
                <td className="px-3 py-2 wrap-anywhere">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ImportDone({
  orgSlug,
  counts,
  vendors,
  onAgain,
}: {
  orgSlug: string;
  counts: Counts;
  vendors: AffectedVendor[];
  onAgain: () => void;
}) {
  // Vendors whose rows were all already on the public record did not change.
  const changed = vendors.filter((v) => v.created + v.updated > 0);
  return (
    <Card aria-labelledby="import-done-heading">
      <CardHeader
        id="import-done-heading"
        title="Import complete"
        description="Quality scores of the affected vendors have been recalculated."
      />
      <CardBody className="space-y-4">
        <div role="status">
          <PreviewCounts counts={counts} verb="were" />
        </div>
        {changed.length ? (
          <AffectedVendors orgSlug={orgSlug} vendors={changed} title="Vendors updated" />
        ) : (
          <EmptyState title="No vendor changed" />
        )}
        <button type="button" className="text-sm text-brand-700 underline" onClick={onAgain}>
          Import another file
        </button>
      </CardBody>
    </Card>
  );
}
