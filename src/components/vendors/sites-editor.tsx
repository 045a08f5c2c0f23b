"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Card, CardBody } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { FormError } from "../forms/form-error";
import { applyServerError, errorMessage } from "../forms/server-errors";
import { countryOptionsWith } from "./options";
import { optional, schemaResolver } from "./schema-resolver";
import type { VendorSiteRow } from "./types";
import { SitesCard } from "./vendor-summary";

type SiteValues = { name: string; country: string; city: string; state: string; feiNumber: string };
const resolver = schemaResolver<SiteValues>(
  () => import("@/server/vendors/schemas").then((m) => m.ZSite),
  (v) => ({
    ...v,
    name: optional(v.name),
    state: optional(v.state),
    feiNumber: optional(v.feiNumber),
  }),
);

// Labels avoid the word "Site" alone so they never clash with the history forms' "Site" select.
function SiteForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: VendorSiteRow;
  onSave: (v: SiteValues) => Promise<void>;
  onCancel: () => void;
}) {
  const { register, handleSubmit, formState, setError } = useForm<SiteValues>({
    resolver,
    defaultValues: {
      name: initial?.name ?? "",
      country: initial?.country ?? "",
      city: initial?.city ?? "",
      state: initial?.state ?? "",
      feiNumber: initial?.feiNumber ?? "",
    },
  });
  const { errors, isSubmitting } = formState;
  const submit = handleSubmit(async (v) => {
    try {
      await onSave(v);
    } catch (err) {
      applyServerError(err, setError, ["name", "country", "city", "state", "feiNumber"]);
    }
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={initial ? "Edit site" : "Add site"}
      className="grid gap-4 sm:grid-cols-2"
    >
      <Field label="Facility name" error={errors.name?.message}>
        <Input autoFocus {...register("name")} placeholder="e.g. Boston DS plant" />
      </Field>
      <Field label="Country" error={errors.country?.message && "Choose the country."}>
        <Select {...register("country")}>
          <option value="">Choose a country</option>
          {countryOptionsWith(initial?.country).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="City" error={errors.city?.message}>
        <Input {...register("city")} />
      </Field>
      <Field label="State or province" error={errors.state?.message}>
        <Input {...register("state")} />
      </Field>
      <Field
        label="FEI number"
        description="FDA Facility Establishment Identifier, 7 to 10 digits. Imported FDA data is matched on it."
        error={errors.feiNumber?.message}
      >
        <Input inputMode="numeric" {...register("feiNumber")} />
      </Field>
      <div className="sm:col-span-2">
        <FormError message={errors.root?.server?.message} />
      </div>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" pending={isSubmitting}>
          Save site
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The sites table with add / edit / remove, for whoever may edit the vendor. */
export function SitesEditor({
  orgSlug,
  vendorId,
  sites,
}: {
  orgSlug: string;
  vendorId: string;
  sites: VendorSiteRow[];
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const save = useMutation(trpc.vendors.saveSite.mutationOptions());
  const remove = useMutation(trpc.vendors.removeSite.mutationOptions());
  const [editing, setEditing] = useState<VendorSiteRow | "new" | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.vendors.pathKey() });
  const label = (s: VendorSiteRow) => s.name || `${s.city}`;

  return (
    <div className="space-y-3">
      <SitesCard
        sites={sites}
        actions={(s) => (
          <span className="inline-flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => setEditing(s)}>
              Edit<span className="sr-only"> site {label(s)}</span>
            </Button>
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="ghost">
                  Remove<span className="sr-only"> site {label(s)}</span>
                </Button>
              }
              title={`Remove ${label(s)}?`}
              description="Your inspections at this site are removed with it and the quality score is recalculated. Records other organisations keep about this site stay theirs and show it as removed. This cannot be undone."
              confirmLabel="Remove site"
              onConfirm={() =>
                void remove
                  .mutateAsync({ orgSlug, siteId: s.id })
                  .then(async () => {
                    toast.success("Site removed");
                    await refresh();
                  })
                  .catch((err) => toast.error(errorMessage(err)))
              }
            />
          </span>
        )}
      />
      {editing ? (
        <Card>
          <CardBody>
            <SiteForm
              key={editing === "new" ? "new" : editing.id}
              initial={editing === "new" ? undefined : editing}
              onCancel={() => setEditing(null)}
              onSave={async (v) => {
                const site = {
                  ...(v as unknown as Record<string, unknown>),
                  id: editing === "new" ? undefined : editing.id,
                };
                await save.mutateAsync({
                  orgSlug,
                  vendorId,
                  site: site as Parameters<typeof save.mutateAsync>[0]["site"],
                });
                toast.success("Site saved");
                setEditing(null);
                await refresh();
              }}
            />
          </CardBody>
        </Card>
      ) : (
        <Button variant="secondary" onClick={() => setEditing("new")}>
          Add site
        </Button>
      )}
    </div>
  );
}
