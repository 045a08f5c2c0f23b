"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Skeleton } from "../ui/skeleton";
import { errorCode, errorMessage } from "../forms/server-errors";
import { countryName } from "./options";
import type { VendorDetail } from "./types";

// The edit form (and its form library) loads when "Edit" is pressed, not with the vendor page.
const VendorForm = dynamic(() => import("./vendor-form").then((m) => m.VendorForm), {
  ssr: false,
  loading: () => <Skeleton className="h-64" />,
});

/** Edit (with a version check) and archive a private vendor record. */
export function PrivateVendorEditor({
  orgSlug,
  detail,
  onDone,
}: {
  orgSlug: string;
  detail: VendorDetail;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const update = useMutation(trpc.vendors.update.mutationOptions());
  const archive = useMutation(trpc.vendors.archive.mutationOptions());
  const v = detail.vendor;
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.vendors.pathKey() });

  return (
    <Card aria-labelledby="edit-heading">
      <CardHeader
        id="edit-heading"
        title="Edit private record"
        actions={
          <ConfirmDialog
            trigger={
              <Button variant="danger" size="sm">
                Archive vendor
              </Button>
            }
            title={`Archive ${v.name}?`}
            description="The record leaves the directory and comparisons. Its history stays in the audit log."
            confirmLabel="Archive"
            onConfirm={() =>
              void archive
                .mutateAsync({ orgSlug, vendorId: v.id, version: v.version })
                .then(async () => {
                  toast.success(`${v.name} archived`);
                  await refresh();
                  router.push(`/${orgSlug}/vendors`);
                })
                .catch(async (err) => {
                  toast.error(errorMessage(err));
                  if (errorCode(err) === "CONFLICT") await refresh();
                })
            }
          />
        }
      />
      <CardBody>
        <VendorForm
          key={v.version}
          initial={v}
          submitLabel="Save changes"
          onCancel={onDone}
          onSubmit={async (values) => {
            try {
              await update.mutateAsync({ orgSlug, vendorId: v.id, version: v.version, ...values });
            } catch (err) {
              if (errorCode(err) !== "CONFLICT") throw err;
              // Someone saved first: show their version rather than overwrite it.
              toast.error(
                "Someone else changed this vendor while you were editing. The latest version is now shown; make your change again.",
              );
              await refresh();
              return;
            }
            toast.success("Vendor saved");
            await refresh();
            onDone();
          }}
        />
      </CardBody>
    </Card>
  );
}

/** Link a private record to the platform profile of the same company (or unlink it). */
export function PlatformLinkCard({ orgSlug, detail }: { orgSlug: string; detail: VendorDetail }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const profiles = useQuery({
    ...trpc.vendors.platformProfiles.queryOptions({ orgSlug, q: q.trim() || undefined }),
    placeholderData: keepPreviousData,
  });
  const link = useMutation(trpc.vendors.link.mutationOptions());
  const linked = detail.vendor.linkedVendor;

  const setLink = async (platformVendorId: string | null, name?: string) => {
    try {
      await link.mutateAsync({ orgSlug, vendorId: detail.vendor.id, platformVendorId });
      toast.success(platformVendorId ? `Linked to ${name}` : "Link removed");
      await qc.invalidateQueries({ queryKey: trpc.vendors.pathKey() });
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };

  return (
    <Card aria-labelledby="link-heading">
      <CardHeader
        id="link-heading"
        title="Link to platform profile"
        description="When this company joins the platform, link your record to its public profile."
      />
      <CardBody className="space-y-3">
        {linked ? (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            Linked to{" "}
            <Link className="font-medium text-brand-700 underline" href={`/${orgSlug}/vendors/${linked.id}`}>
              {linked.name}
            </Link>
            <Button size="sm" variant="ghost" pending={link.isPending} onClick={() => void setLink(null)}>
              Remove link
            </Button>
          </p>
        ) : null}
        <Field label="Find platform profile">
          <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Company name" />
        </Field>
        {profiles.isError ? <p className="text-sm text-danger-700">Profiles could not be loaded.</p> : null}
        <ul
          className="divide-y divide-line rounded-md border border-line"
          aria-label="Platform profiles"
          aria-busy={profiles.isFetching}
        >
          {(profiles.data ?? []).slice(0, 8).map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
              <span>
                {p.name} <span className="text-ink-muted">({countryName(p.hqCountry)})</span>
              </span>
              <Button
                size="sm"
                variant="secondary"
                disabled={linked?.id === p.id || link.isPending}
                onClick={() => void setLink(p.id, p.name)}
              >
                {linked?.id === p.id ? "Linked" : "Link"}
                <span className="sr-only"> to {p.name}</span>
              </Button>
            </li>
          ))}
          {profiles.data?.length === 0 ? (
            <li className="px-3 py-2 text-sm text-ink-muted">No platform profile matches.</li>
          ) : null}
        </ul>
      </CardBody>
    </Card>
  );
}
