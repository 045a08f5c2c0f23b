"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { ProgrammeBreadcrumb } from "../programmes/programme-breadcrumb";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import { PageHeader } from "../ui/page-header";
import { TableSkeleton } from "../ui/skeleton";

// The workspace (tabs, comparison, scenarios, dialogs) loads beside the portfolio's data, which
// it cannot be drawn without: the page's first load is the header, the query and its states.
const loadWorkspace = () => import("./workspace");
const Workspace = dynamic(() => loadWorkspace().then((m) => m.Workspace), {
  loading: () => <TableSkeleton label="the portfolio comparison" rows={8} />,
});

export function PortfolioPage({ orgSlug, programmeId }: { orgSlug: string; programmeId: string }) {
  const trpc = useTRPC();
  const [rfpId, setRfpId] = useState<string | undefined>();
  const q = useQuery(trpc.portfolio.get.queryOptions({ orgSlug, programmeId, rfpId }));
  useEffect(() => void loadWorkspace(), []);
  if (q.isPending) return <TableSkeleton label="the portfolio comparison" rows={8} />;
  if (q.isError) return <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} />;
  const data = q.data;
  const header = (
    <>
      <ProgrammeBreadcrumb orgSlug={orgSlug} programmeId={programmeId} name={data.programme.name} />
      <PageHeader
        title="Portfolios"
        description="One integrated CDMO, a set of specialists, or a hybrid: compared on cost, time, transfers and risk, then decided and signed."
        actions={
          data.rfps.length > 1 ? (
            <Field label="Offers from">
              <Select value={data.rfp?.id ?? ""} onChange={(e) => setRfpId(e.target.value)}>
                {data.rfps.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title} ({r.responses === 1 ? "1 response" : `${r.responses} responses`})
                  </option>
                ))}
              </Select>
            </Field>
          ) : null
        }
      />
    </>
  );
  if (!data.rfp || !data.facts)
    return (
      <div className="space-y-5">
        {header}
        <Card>
          <EmptyState
            title="No RFP to compare yet"
            description="Portfolios are built from the price lines CDMOs submit. Publish an RFP for this programme and wait for responses."
            action={<ButtonLink href={`/${orgSlug}/programmes/${programmeId}`}>Open the programme</ButtonLink>}
          />
        </Card>
      </div>
    );
  if (!data.facts.offers.length)
    return (
      <div className="space-y-5">
        {header}
        <Card>
          <EmptyState
            title="No prices to compare yet"
            description={
              data.facts.sealed.length
                ? `The prices of ${data.facts.sealed.join(", ")} are sealed until the bids are opened.`
                : "No CDMO has submitted a response with price lines to this RFP yet."
            }
          />
        </Card>
      </div>
    );
  return (
    <div className="space-y-5">
      {header}
      <Workspace key={data.rfp.id} orgSlug={orgSlug} data={data} />
    </div>
  );
}
