"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { toast } from "@/components/ui/toast";
import { can, type OrgAccess } from "@/server/auth/permissions";
import { useTRPC } from "@/trpc/react";
import { errorCode, errorMessage } from "../forms/server-errors";
import { Alert } from "../ui/alert";
import { Button, ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorState } from "../ui/error-state";
import { PageHeader } from "../ui/page-header";
import { Skeleton, TableSkeleton } from "../ui/skeleton";
import { modalityLabel, phaseLabel } from "./format";
import { ProgrammeRfps } from "./programme-rfps";
import { AssumptionsCard, NextStepsCard, ProgrammeSummaryCard } from "./programme-summary";

export function ProgrammeHomeSkeleton() {
  return (
    <div role="status" aria-label="Loading programme">
      <Skeleton className="mb-2 h-8 w-72" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <div className="rounded-lg border border-line bg-surface">
        <TableSkeleton label="programme details" />
      </div>
    </div>
  );
}

/** A programme's home: what it is, its assumptions, its RFPs, and what comes after the responses. */
export function ProgrammeHome({
  viewer,
  programmeId,
}: {
  viewer: OrgAccess & { orgSlug: string };
  programmeId: string;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { orgSlug } = viewer;
  const q = useQuery(trpc.programme.get.queryOptions({ orgSlug, programmeId }));
  const archive = useMutation(trpc.programme.archive.mutationOptions());
  const unarchive = useMutation(trpc.programme.unarchive.mutationOptions());
  const writer = can(viewer, "programme.write");

  if (q.isPending) return <ProgrammeHomeSkeleton />;
  if (q.isError) {
    const missing = errorCode(q.error) === "NOT_FOUND";
    return (
      <Card>
        <ErrorState
          title={missing ? "This programme was not found" : "The programme could not be loaded"}
          message={missing ? "It may belong to another organisation, or the link is wrong." : errorMessage(q.error)}
          onRetry={missing ? undefined : () => void q.refetch()}
        />
        <p className="pb-6 text-center text-sm">
          <Link href={`/${orgSlug}/programmes`} className="text-brand-700 underline">
            All programmes
          </Link>
        </p>
      </Card>
    );
  }

  const p = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.programme.pathKey() });
  const setArchived = async (to: boolean) => {
    try {
      await (to ? archive : unarchive).mutateAsync({ orgSlug, programmeId, version: p.version });
      toast.success(to ? `${p.name} archived` : `${p.name} restored`);
    } catch (err) {
      toast.error(errorMessage(err));
    }
    await refresh();
  };

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${orgSlug}/programmes`} className="text-brand-700 underline">
          All programmes
        </Link>
      </nav>
      <PageHeader
        title={p.name}
        description={`${p.molecule} · ${modalityLabel(p.modality)} · ${phaseLabel(p.phase)}`}
        actions={
          <>
            {can(viewer, "shortlist.read") ? (
              <ButtonLink href={`/${orgSlug}/programmes/${p.id}/shortlist`} variant="secondary">
                Shortlist
              </ButtonLink>
            ) : null}
            {can(viewer, "portfolio.read") ? (
              <ButtonLink href={`/${orgSlug}/programmes/${p.id}/portfolios`} variant="secondary">
                Portfolios
              </ButtonLink>
            ) : null}
            {can(viewer, "audit.read") ? (
              <ButtonLink href={`/${orgSlug}/audit?entityId=${encodeURIComponent(p.id)}`} variant="ghost">
                History
              </ButtonLink>
            ) : null}
            {writer && !p.archivedAt ? (
              <>
                <ConfirmDialog
                  trigger={<Button variant="secondary">Archive</Button>}
                  title={`Archive ${p.name}?`}
                  description="It leaves the programme list and no new RFPs can be added. Its RFPs and history stay, and you can restore it at any time."
                  confirmLabel="Archive"
                  onConfirm={() => void setArchived(true)}
                />
                <ButtonLink href={`/${orgSlug}/programmes/${p.id}/edit`} variant="primary">
                  Edit programme
                </ButtonLink>
              </>
            ) : null}
          </>
        }
      />
      {p.archivedAt ? (
        <Alert tone="warning" title="This programme is archived">
          <p>It is kept with its RFPs and history, but cannot be edited and takes no new RFPs.</p>
          {writer ? (
            <Button className="mt-2" variant="secondary" size="sm" onClick={() => void setArchived(false)}>
              Restore programme
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <ProgrammeSummaryCard p={p} />
      <ProgrammeRfps orgSlug={orgSlug} programmeId={p.id} canCreate={can(viewer, "rfp.write") && !p.archivedAt} />
      <AssumptionsCard p={p} />
      <NextStepsCard
        shortlistHref={can(viewer, "shortlist.read") ? `/${orgSlug}/programmes/${p.id}/shortlist` : null}
        portfoliosHref={can(viewer, "portfolio.read") ? `/${orgSlug}/programmes/${p.id}/portfolios` : null}
      />
    </div>
  );
}
