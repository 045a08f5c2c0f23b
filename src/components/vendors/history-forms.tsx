"use client";

import { useForm } from "react-hook-form";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { FormError } from "../forms/form-error";
import { applyServerError } from "../forms/server-errors";
import { isoDay } from "./format";
import { countryName } from "./options";
import { optional, optionalNumber, schemaResolver } from "./schema-resolver";
import type { VendorSiteRow } from "./types";

type Save = (values: Record<string, unknown>) => Promise<void>;
type FormProps = { sites: VendorSiteRow[]; onSave: Save; onCancel: () => void };

const today = () => isoDay(new Date());
const siteLabel = (s: VendorSiteRow) =>
  [s.name, s.city, countryName(s.country)].filter(Boolean).join(", ") + (s.feiNumber ? ` (FEI ${s.feiNumber})` : "");

function SiteOptions({ sites, optionalSite }: { sites: VendorSiteRow[]; optionalSite?: boolean }) {
  return (
    <>
      <option value="">{optionalSite ? "Not tied to one site" : "Choose a site"}</option>
      {sites.map((s) => (
        <option key={s.id} value={s.id}>
          {siteLabel(s)}
        </option>
      ))}
    </>
  );
}

function Actions({ pending, label, onCancel }: { pending: boolean; label: string; onCancel: () => void }) {
  return (
    <div className="flex gap-2 sm:col-span-2">
      <Button type="submit" variant="primary" pending={pending}>
        {label}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}

type InspectionValues = {
  siteId: string;
  agency: string;
  endDate: string;
  classification: string;
  observations483: string;
  citations: string;
};

export function AddInspectionForm({ sites, onSave, onCancel }: FormProps) {
  const resolver = schemaResolver<InspectionValues>(
    () => import("@/server/vendors/schemas").then((m) => m.ZAddInspectionInput),
    (v) => ({
      ...v,
      observations483: optionalNumber(v.observations483),
      citations: optional(v.citations),
    }),
  );
  const { register, handleSubmit, formState, setError } = useForm<InspectionValues>({
    resolver,
    defaultValues: {
      siteId: sites.length === 1 ? sites[0]!.id : "",
      agency: "FDA",
      endDate: "",
      classification: "",
      observations483: "",
      citations: "",
    },
  });
  const { errors, isSubmitting } = formState;
  const submit = handleSubmit(async (v) => {
    try {
      await onSave(v);
    } catch (err) {
      applyServerError(err, setError, [
        "siteId",
        "agency",
        "endDate",
        "classification",
        "observations483",
        "citations",
      ]);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add inspection" className="grid gap-4 sm:grid-cols-2">
      <Field label="Site" error={errors.siteId?.message && "Choose the inspected site."}>
        <Select autoFocus {...register("siteId")}>
          <SiteOptions sites={sites} />
        </Select>
      </Field>
      <Field label="Agency" error={errors.agency?.message}>
        <Input {...register("agency")} />
      </Field>
      <Field
        label="Inspection end date"
        error={errors.endDate?.message && "Give the date the inspection ended (not in the future)."}
      >
        <Input type="date" max={today()} {...register("endDate")} />
      </Field>
      <Field label="Classification" error={errors.classification?.message && "Choose NAI, VAI or OAI."}>
        <Select {...register("classification")}>
          <option value="">Choose an outcome</option>
          <option value="NAI">NAI — no action indicated</option>
          <option value="VAI">VAI — voluntary action indicated</option>
          <option value="OAI">OAI — official action indicated</option>
        </Select>
      </Field>
      <Field label="Form 483 observations" error={errors.observations483?.message}>
        <Input type="number" min={0} inputMode="numeric" {...register("observations483")} />
      </Field>
      <Field label="Citations" error={errors.citations?.message}>
        <Input {...register("citations")} placeholder="e.g. 21 CFR 211.192" />
      </Field>
      <div className="sm:col-span-2">
        <FormError message={errors.root?.server?.message} />
      </div>
      <Actions pending={isSubmitting} label="Save inspection" onCancel={onCancel} />
    </form>
  );
}

type LetterValues = {
  siteId: string;
  issuedAt: string;
  subject: string;
  issuingOffice: string;
  status: string;
  closedAt: string;
};

export function AddWarningLetterForm({ sites, onSave, onCancel, vendorId }: FormProps & { vendorId: string }) {
  const resolver = schemaResolver<LetterValues>(
    () => import("@/server/vendors/schemas").then((m) => m.ZAddWarningLetterInput),
    (v) => ({
      ...v,
      vendorId,
      siteId: optional(v.siteId),
      issuingOffice: optional(v.issuingOffice),
      closedAt: optional(v.closedAt),
    }),
  );
  const { register, handleSubmit, formState, setError, watch } = useForm<LetterValues>({
    resolver,
    defaultValues: { siteId: "", issuedAt: "", subject: "", issuingOffice: "", status: "OPEN", closedAt: "" },
  });
  const { errors, isSubmitting } = formState;
  const closed = watch("status") === "CLOSED";
  const submit = handleSubmit(async (v) => {
    try {
      await onSave(v);
    } catch (err) {
      applyServerError(err, setError, ["siteId", "issuedAt", "subject", "issuingOffice", "status", "closedAt"]);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add warning letter" className="grid gap-4 sm:grid-cols-2">
      <Field label="Site" error={errors.siteId?.message}>
        <Select autoFocus {...register("siteId")}>
          <SiteOptions sites={sites} optionalSite />
        </Select>
      </Field>
      <Field
        label="Letter date"
        error={errors.issuedAt?.message && "Give the date the letter was issued (not in the future)."}
      >
        <Input type="date" max={today()} {...register("issuedAt")} />
      </Field>
      <Field label="Subject" error={errors.subject?.message}>
        <Input {...register("subject")} placeholder="e.g. CGMP/Finished Pharmaceuticals/Adulterated" />
      </Field>
      <Field label="Issuing office" error={errors.issuingOffice?.message}>
        <Input {...register("issuingOffice")} />
      </Field>
      <Field label="Status" error={errors.status?.message}>
        <Select {...register("status")}>
          <option value="OPEN">Open</option>
          <option value="CLOSED">Closed</option>
        </Select>
      </Field>
      <Field
        label="Close-out date"
        description={closed ? undefined : "Only for a closed letter."}
        error={errors.closedAt?.message}
      >
        <Input type="date" max={today()} disabled={!closed} {...register("closedAt")} />
      </Field>
      <div className="sm:col-span-2">
        <FormError message={errors.root?.server?.message} />
      </div>
      <Actions pending={isSubmitting} label="Save warning letter" onCancel={onCancel} />
    </form>
  );
}

type RecallValues = { siteId: string; date: string; classification: string; product: string; reason: string };

export function AddRecallForm({ sites, onSave, onCancel, vendorId }: FormProps & { vendorId: string }) {
  const resolver = schemaResolver<RecallValues>(
    () => import("@/server/vendors/schemas").then((m) => m.ZAddRecallInput),
    (v) => ({
      ...v,
      vendorId,
      siteId: optional(v.siteId),
      classification: optional(v.classification),
      product: optional(v.product),
      reason: optional(v.reason),
    }),
  );
  const { register, handleSubmit, formState, setError } = useForm<RecallValues>({
    resolver,
    defaultValues: { siteId: "", date: "", classification: "", product: "", reason: "" },
  });
  const { errors, isSubmitting } = formState;
  const submit = handleSubmit(async (v) => {
    try {
      await onSave(v);
    } catch (err) {
      applyServerError(err, setError, ["siteId", "date", "classification", "product", "reason"]);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add recall" className="grid gap-4 sm:grid-cols-2">
      <Field label="Site" error={errors.siteId?.message}>
        <Select autoFocus {...register("siteId")}>
          <SiteOptions sites={sites} optionalSite />
        </Select>
      </Field>
      <Field label="Recall date" error={errors.date?.message && "Give the recall date (not in the future)."}>
        <Input type="date" max={today()} {...register("date")} />
      </Field>
      <Field label="Recall class" error={errors.classification?.message}>
        <Select {...register("classification")}>
          <option value="">Unknown</option>
          <option value="I">Class I</option>
          <option value="II">Class II</option>
          <option value="III">Class III</option>
        </Select>
      </Field>
      <Field label="Product" error={errors.product?.message}>
        <Input {...register("product")} />
      </Field>
      <Field label="Reason" className="sm:col-span-2" error={errors.reason?.message}>
        <Input {...register("reason")} />
      </Field>
      <div className="sm:col-span-2">
        <FormError message={errors.root?.server?.message} />
      </div>
      <Actions pending={isSubmitting} label="Save recall" onCancel={onCancel} />
    </form>
  );
}
