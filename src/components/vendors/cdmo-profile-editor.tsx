"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { can } from "@/server/auth/permissions";
import { useTRPC } from "@/trpc/react";
import { Card, CardBody, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { errorCode, errorMessage } from "../forms/server-errors";
import { HistoryPanel } from "./history-panel";
import { QualityScoreCard } from "./quality-score-card";
import { SitesEditor } from "./sites-editor";
import type { VendorViewer } from "./types";
import { VendorForm } from "./vendor-form";
import { VendorProfileSkeleton } from "./vendor-profile";
import { SitesCard } from "./vendor-summary";

/** The CDMO's own public profile: what sponsors find in the directory. Admins and owners edit it. */
export function CdmoProfileEditor({ viewer }: { viewer: VendorViewer }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { orgSlug } = viewer;
  const q = useQuery(trpc.vendors.myProfile.queryOptions({ orgSlug }));
  const create = useMutation(trpc.vendors.createProfile.mutationOptions());
  const update = useMutation(trpc.vendors.update.mutationOptions());
  const isAdmin = can(viewer, "profile.write");
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.vendors.pathKey() });

  if (q.isPending) return <VendorProfileSkeleton />;
  if (q.isError)
    return (
      <Card>
        <ErrorState
          title="Your profile could not be loaded"
          message={errorMessage(q.error)}
          onRetry={() => void q.refetch()}
        />
      </Card>
    );

  const detail = q.data;
  if (!detail) {
    return (
      <Card aria-labelledby="create-profile-heading">
        <CardHeader
          id="create-profile-heading"
          title="Create public profile"
          description="Sponsors find you in the directory by stage, modality, region and scale. Start with the basics; you can add sites and history next."
        />
        {isAdmin ? (
          <CardBody>
            <VendorForm
              submitLabel="Create public profile"
              onSubmit={async (values) => {
                await create.mutateAsync({ orgSlug, ...values });
                toast.success("Profile created");
                await refresh();
              }}
            />
          </CardBody>
        ) : (
          <EmptyState
            title="No public profile yet"
            description="An owner or admin of your organisation can create it."
          />
        )}
      </Card>
    );
  }

  const v = detail.vendor;
  const canEdit = detail.canEdit && isAdmin;
  return (
    <div className="space-y-6">
      <Card aria-labelledby="profile-heading">
        <CardHeader
          id="profile-heading"
          title="Company profile"
          description={
            canEdit
              ? "Changes are visible to sponsors as soon as you save."
              : "Only owners and admins can change the profile."
          }
        />
        <CardBody>
          <VendorForm
            key={v.version}
            initial={v}
            readOnly={!canEdit}
            submitLabel="Save profile"
            onSubmit={async (values) => {
              try {
                await update.mutateAsync({ orgSlug, vendorId: v.id, version: v.version, ...values });
              } catch (err) {
                if (errorCode(err) !== "CONFLICT") throw err;
                toast.error(
                  "A colleague saved the profile while you were editing. Their version is now shown; make your change again.",
                );
                await refresh();
                return;
              }
              toast.success("Profile saved");
              await refresh();
            }}
          />
        </CardBody>
      </Card>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          {canEdit ? (
            <SitesEditor orgSlug={orgSlug} vendorId={v.id} sites={detail.sites} />
          ) : (
            <SitesCard sites={detail.sites} />
          )}
          <HistoryPanel
            orgSlug={orgSlug}
            detail={detail}
            canAdd={canEdit}
            description="Your public quality history. Sponsors see it beside your profile."
          />
        </div>
        <QualityScoreCard quality={detail.quality} />
      </div>
    </div>
  );
}
