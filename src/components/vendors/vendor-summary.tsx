import type { ReactNode } from "react";
import { Badge } from "../ui/badge";
import { Card, CardBody, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { formatQuantity, siteName } from "./format";
import { countryName, modalityLabel, scaleLabel, stageLabel } from "./options";
import type { VendorInfo, VendorSiteRow } from "./types";
import { ScrollX } from "../ui/scroll-x";

function List({ items, empty = "None listed" }: { items: string[]; empty?: string }) {
  if (!items.length) return <span className="text-ink-muted">{empty}</span>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((x) => (
        <li key={x}>
          <Badge>{x}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** Headquarters, website and summary under the page title. */
export function VendorFacts({ vendor }: { vendor: VendorInfo }) {
  const hq = [vendor.hqCity, vendor.hqCountry ? countryName(vendor.hqCountry) : null].filter(Boolean).join(", ");
  return (
    <div className="space-y-2 text-sm">
      <p className="flex flex-wrap items-center gap-2 text-ink-muted">
        <Badge tone={vendor.kind === "PLATFORM" ? "brand" : "neutral"}>
          {vendor.kind === "PLATFORM" ? "Platform profile" : "Private record"}
        </Badge>
        <span>Headquarters: {hq || "not given"}</span>
        {vendor.website ? (
          <a href={vendor.website} target="_blank" rel="noreferrer noopener" className="text-brand-700 underline">
            {vendor.website.replace(/^https?:\/\//, "")}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : null}
      </p>
      {vendor.legalName && vendor.legalName !== vendor.name ? (
        <p className="text-ink-muted">Legal name: {vendor.legalName}</p>
      ) : null}
      {vendor.summary ? <p className="max-w-3xl text-ink">{vendor.summary}</p> : null}
    </div>
  );
}

export function CapabilitiesCard({ vendor }: { vendor: VendorInfo }) {
  return (
    <Card aria-labelledby="capabilities-heading">
      <CardHeader id="capabilities-heading" title="Capabilities" />
      <CardBody>
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="mb-1 font-medium text-ink">Stages</dt>
            <dd>
              <List items={vendor.stages.map(stageLabel)} />
            </dd>
          </div>
          <div>
            <dt className="mb-1 font-medium text-ink">Modalities</dt>
            <dd>
              <List items={vendor.modalities.map(modalityLabel)} />
            </dd>
          </div>
          <div>
            <dt className="mb-1 font-medium text-ink">Scales</dt>
            <dd>
              <List items={vendor.scaleTiers.map(scaleLabel)} />
            </dd>
          </div>
          <div>
            <dt className="mb-1 font-medium text-ink">Largest bioreactor</dt>
            <dd className={vendor.maxBioreactorLitres == null ? "text-ink-muted" : undefined}>
              {formatQuantity(vendor.maxBioreactorLitres, "L", "Not given")}
            </dd>
          </div>
          <div>
            <dt className="mb-1 font-medium text-ink">Largest fill batch</dt>
            <dd className={vendor.maxBatchUnits == null ? "text-ink-muted" : undefined}>
              {formatQuantity(vendor.maxBatchUnits, "units", "Not given")}
            </dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="mb-1 font-medium text-ink">Certifications</dt>
            <dd>
              <List items={vendor.certifications} />
            </dd>
          </div>
        </dl>
      </CardBody>
    </Card>
  );
}

export function SitesCard({ sites, actions }: { sites: VendorSiteRow[]; actions?: (s: VendorSiteRow) => ReactNode }) {
  return (
    <Card aria-labelledby="sites-heading">
      <CardHeader
        id="sites-heading"
        title="Sites"
        description={`${sites.length} site${sites.length === 1 ? "" : "s"}`}
      />
      {sites.length === 0 ? (
        <EmptyState
          title="No sites listed"
          description="Sites carry the FEI numbers that FDA inspection data is matched on."
        />
      ) : (
        <ScrollX label={"Manufacturing sites"}>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Manufacturing sites</caption>
            <thead className="bg-canvas text-xs text-ink-muted uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Site
                </th>
                <th scope="col" className="px-4 py-2">
                  Country
                </th>
                <th scope="col" className="px-4 py-2">
                  City
                </th>
                <th scope="col" className="px-4 py-2">
                  FEI number
                </th>
                {actions ? (
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {sites.map((s, i) => (
                <tr key={s.id} className="border-b border-line last:border-b-0">
                  <td className={s.name ? "px-4 py-2" : "px-4 py-2 text-ink-muted"}>{siteName(s, i)}</td>
                  <td className="px-4 py-2">{countryName(s.country)}</td>
                  <td className="px-4 py-2">{[s.city, s.state].filter(Boolean).join(", ")}</td>
                  <td className="px-4 py-2 font-mono text-xs">{s.feiNumber || "—"}</td>
                  {actions ? <td className="px-4 py-2 text-right">{actions(s)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </Card>
  );
}
