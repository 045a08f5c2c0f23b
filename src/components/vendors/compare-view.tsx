"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useTRPC } from "@/trpc/react";
import { InspectionBars } from "../charts/lazy";
import { Button, ButtonLink } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { TableSkeleton } from "../ui/skeleton";
import { errorMessage } from "../forms/server-errors";
import { formatDay, formatQuantity } from "./format";
import { countryName, MODALITY_OPTIONS, SCALE_OPTIONS, STAGE_OPTIONS } from "./options";
import { QualityBadge } from "./quality-badge";
import type { CompareEntry } from "./types";
import { ScrollX } from "../ui/scroll-x";

function Check({ on }: { on: boolean }) {
  return on ? (
    <span className="text-success-700">
      <span aria-hidden="true">✓ </span>Yes
    </span>
  ) : (
    <span className="text-ink-muted">
      <span aria-hidden="true">– </span>No
    </span>
  );
}

type Row = { label: string; cell: (e: CompareEntry) => ReactNode };

function Section({ title, rows, entries }: { title: string; rows: Row[]; entries: CompareEntry[] }) {
  return (
    <tbody>
      <tr className="bg-canvas">
        <th
          scope="rowgroup"
          colSpan={entries.length + 1}
          className="px-4 py-2 text-xs font-semibold tracking-wide text-ink-muted uppercase"
        >
          {title}
        </th>
      </tr>
      {rows.map((r) => (
        <tr key={r.label} className="border-b border-line">
          <th scope="row" className="px-4 py-2 font-medium text-ink">
            {r.label}
          </th>
          {entries.map((e) => (
            <td key={e.vendor.id} className="px-4 py-2 wrap-anywhere">
              {r.cell(e)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

/** Up to four vendors side by side; the vendor list lives in the URL (?ids=a,b,c). */
export function CompareView({ orgSlug, ids }: { orgSlug: string; ids: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const q = useQuery({ ...trpc.vendors.compare.queryOptions({ orgSlug, vendorIds: ids }), enabled: ids.length > 0 });
  const base = `/${orgSlug}/vendors`;
  const back = <ButtonLink href={base}>Back to the directory</ButtonLink>;

  if (ids.length === 0)
    return (
      <Card>
        <EmptyState
          title="No vendors to compare"
          description="Tick up to four vendors in the directory, then choose Compare."
          action={back}
        />
      </Card>
    );
  if (q.isPending)
    return (
      <Card>
        <TableSkeleton label="comparison" rows={8} />
      </Card>
    );
  if (q.isError)
    return (
      <Card>
        <ErrorState
          title="The comparison could not be loaded"
          message={errorMessage(q.error)}
          onRetry={() => void q.refetch()}
        />
      </Card>
    );

  const entries = q.data;
  const removeId = (id: string) => {
    const rest = ids.filter((x) => x !== id);
    router.replace(rest.length ? `${base}/compare?ids=${rest.join(",")}` : `${base}/compare`, { scroll: false });
  };
  const facts: Row[] = [
    { label: "Source", cell: (e) => (e.vendor.kind === "PLATFORM" ? "Platform profile" : "Private record") },
    {
      label: "Headquarters",
      cell: (e) =>
        [e.vendor.hqCity, e.vendor.hqCountry ? countryName(e.vendor.hqCountry) : null].filter(Boolean).join(", ") ||
        "—",
    },
    { label: "Sites", cell: (e) => e.siteCount },
    { label: "Largest bioreactor", cell: (e) => formatQuantity(e.vendor.maxBioreactorLitres, "L") },
    { label: "Largest fill batch", cell: (e) => formatQuantity(e.vendor.maxBatchUnits, "units") },
    { label: "Certifications", cell: (e) => e.vendor.certifications.join(", ") || "—" },
  ];
  const quality: Row[] = [
    { label: "Quality score", cell: (e) => <QualityBadge score={e.quality.score} /> },
    { label: "Open warning letters", cell: (e) => e.quality.openWarningLetters },
    { label: "Last inspection", cell: (e) => formatDay(e.quality.lastInspectionAt, "None on record") },
    {
      label: "Inspections NAI / VAI / OAI",
      cell: (e) => `${e.quality.inspections.NAI} / ${e.quality.inspections.VAI} / ${e.quality.inspections.OAI}`,
    },
  ];
  const caps = (opts: typeof STAGE_OPTIONS, key: "stages" | "modalities" | "scaleTiers"): Row[] =>
    opts.map((o) => ({ label: o.label, cell: (e) => <Check on={(e.vendor[key] as string[]).includes(o.value)} /> }));

  return (
    <div className="space-y-6">
      <Card>
        <ScrollX label={"Vendors compared side by side"}>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Vendors compared side by side</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Attribute</span>
                </th>
                {entries.map((e) => (
                  <th key={e.vendor.id} scope="col" className="min-w-44 px-4 py-3 align-top">
                    <Link href={`${base}/${e.vendor.id}`} className="font-semibold text-brand-700 underline">
                      {e.vendor.name}
                    </Link>
                    <div>
                      <Button size="sm" variant="ghost" className="mt-1 -ml-3" onClick={() => removeId(e.vendor.id)}>
                        Remove<span className="sr-only"> {e.vendor.name} from comparison</span>
                      </Button>
                    </div>
                  </th>
                ))}
              </tr>
            </thead>
            <Section title="Key facts" rows={facts} entries={entries} />
            <Section title="Quality" rows={quality} entries={entries} />
            <Section title="Stages" rows={caps(STAGE_OPTIONS, "stages")} entries={entries} />
            <Section title="Modalities" rows={caps(MODALITY_OPTIONS, "modalities")} entries={entries} />
            <Section title="Scales" rows={caps(SCALE_OPTIONS, "scaleTiers")} entries={entries} />
          </table>
        </ScrollX>
      </Card>
      <Card aria-labelledby="bars-heading">
        <CardHeader id="bars-heading" title="Inspection outcomes" />
        <CardBody>
          <InspectionBars data={entries.map((e) => ({ name: e.vendor.name, ...e.quality.inspections }))} />
        </CardBody>
      </Card>
      {back}
    </div>
  );
}
