"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { can } from "@/server/auth/permissions";
import { useTRPC } from "@/trpc/react";
import { Alert } from "../ui/alert";
import { Button, ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { PageHeader } from "../ui/page-header";
import { Skeleton, TableSkeleton } from "../ui/skeleton";
import { errorCode, errorMessage } from "../forms/server-errors";
import { HistoryPanel } from "./history-panel";
import { NotesTagsPanel } from "./notes-tags-panel";
import { PlatformLinkCard, PrivateVendorEditor } from "./private-vendor-tools";
import { QualityScoreCard } from "./quality-score-card";
import type { VendorViewer } from "./types";
import { CapabilitiesCard, SitesCard, VendorFacts } from "./vendor-summary";

// Only records this organisation may edit get the sites editor (and its form library); every
// other vendor page shows the read-only card and never downloads it.
const SitesEditor = dynamic(() => import("./sites-editor").then((m) => m.SitesEditor), {
  ssr: false,
  loading: () => <Skeleton className="h-40" />,
});

export function VendorProfileSkeleton() {
  return (
    <div role="status" aria-label="Loading vendor">
      <Skeleton className="mb-2 h-8 w-72" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <div className="rounded-lg border border-line bg-surface">
        <TableSkeleton label="vendor details" />
      </div>
    </div>
  );
}

/** One vendor as a sponsor (or the CDMO itself) sees it. */
export function VendorProfile({ viewer, vendorId }: { viewer: VendorViewer; vendorId: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.vendors.get.queryOptions({ orgSlug: viewer.orgSlug, vendorId }));
  const [editing, setEditing] = useState(false);

  if (q.isPending) return <VendorProfileSkeleton />;
  if (q.isError) {
    const missing = errorCode(q.error) === "NOT_FOUND";
    return (
      <Card>
        <ErrorState
          title={missing ? "This vendor is not in your directory" : "The vendor could not be loaded"}
          message={missing ? "It may have been archived, or the link is wrong." : errorMessage(q.error)}
          onRetry={missing ? undefined : () => void q.refetch()}
        />
        <p className="pb-6 text-center text-sm">
          <Link href={`/${viewer.orgSlug}/vendors`} className="text-brand-700 underline">
            Back to the directory
          </Link>
        </p>
      </Card>
    );
  }

  const detail = q.data;
  const v = detail.vendor;
  const isSponsor = viewer.kind === "SPONSOR";
  const sponsorWriter = can(viewer, "notes.write");
  // Sponsors may record their own (private) history against any site they can see.
  const canAddHistory = detail.canEdit || sponsorWriter;
  const editablePrivate = v.kind === "PRIVATE" && detail.canEdit;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${viewer.orgSlug}/vendors`} className="text-brand-700 underline">
          Vendor directory
        </Link>
      </nav>
      <PageHeader
        title={v.name}
        actions={
          <>
            {can(viewer, "audit.read") ? (
              // An action, so it looks like one (a ghost button read as plain text).
              <ButtonLink href={`/${viewer.orgSlug}/audit?entityId=${encodeURIComponent(v.id)}`} variant="secondary">
                Change history
              </ButtonLink>
            ) : null}
            {editablePrivate && !editing ? (
              <Button variant="secondary" onClick={() => setEditing(true)}>
                Edit vendor
              </Button>
            ) : null}
          </>
        }
      />
      <div className="-mt-4">
        <VendorFacts vendor={v} />
      </div>
      {v.archivedAt ? (
        <Alert tone="warning" title="This record is archived">
          It no longer appears in the directory or in comparisons.
        </Alert>
      ) : null}
      {editing && editablePrivate ? (
        <PrivateVendorEditor orgSlug={viewer.orgSlug} detail={detail} onDone={() => setEditing(false)} />
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <CapabilitiesCard vendor={v} />
          {detail.canEdit ? (
            <SitesEditor orgSlug={viewer.orgSlug} vendorId={v.id} sites={detail.sites} />
          ) : (
            <SitesCard sites={detail.sites} />
          )}
          <HistoryPanel
            orgSlug={viewer.orgSlug}
            detail={detail}
            canAdd={canAddHistory}
            description={
              isSponsor && !detail.canEdit
                ? "Public records from the vendor and FDA, plus any your organisation added (only you see those)."
                : undefined
            }
          />
        </div>
        <div className="min-w-0 space-y-6">
          <QualityScoreCard quality={detail.quality} />
          {isSponsor ? <NotesTagsPanel orgSlug={viewer.orgSlug} detail={detail} canWrite={sponsorWriter} /> : null}
          {editablePrivate ? <PlatformLinkCard orgSlug={viewer.orgSlug} detail={detail} /> : null}
        </div>
      </div>
    </div>
  );
}
