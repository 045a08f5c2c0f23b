"use client";

import { Controller, useForm } from "react-hook-form";
import type { TVendorProfile } from "@/server/vendors/schemas";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { FormError } from "../forms/form-error";
import { applyServerError } from "../forms/server-errors";
import { CheckboxGroup } from "./checkbox-group";
import { ChipsInput } from "./chips-input";
import { optional, optionalNumber, schemaResolver } from "./schema-resolver";
import {
  CERTIFICATION_SUGGESTIONS,
  countryOptionsWith,
  MODALITY_OPTIONS,
  SCALE_OPTIONS,
  STAGE_OPTIONS,
} from "./options";

/** What the inputs hold: text boxes are strings, so empty and numeric values are strings too. */
export type VendorFormValues = {
  name: string;
  legalName: string;
  hqCountry: string;
  hqCity: string;
  website: string;
  summary: string;
  stages: string[];
  modalities: string[];
  scaleTiers: string[];
  certifications: string[];
  maxBioreactorLitres: string;
  maxBatchUnits: string;
};
export type VendorProfileInput = TVendorProfile;

type Initial = Partial<{ [K in keyof VendorFormValues]: VendorFormValues[K] | number | null }>;

export function toFormValues(v?: Initial | null): VendorFormValues {
  const s = (x: unknown) => (x == null ? "" : String(x));
  const a = (x: unknown) => (Array.isArray(x) ? (x as string[]) : []);
  return {
    name: s(v?.name),
    legalName: s(v?.legalName),
    hqCountry: s(v?.hqCountry),
    hqCity: s(v?.hqCity),
    website: s(v?.website),
    summary: s(v?.summary),
    stages: a(v?.stages),
    modalities: a(v?.modalities),
    scaleTiers: a(v?.scaleTiers),
    certifications: a(v?.certifications),
    maxBioreactorLitres: s(v?.maxBioreactorLitres),
    maxBatchUnits: s(v?.maxBatchUnits),
  };
}

/** Empty text boxes mean "not given"; the bioreactor volume and batch size are numbers. */
function clean(v: VendorFormValues) {
  return {
    ...v,
    legalName: optional(v.legalName),
    hqCountry: optional(v.hqCountry),
    hqCity: optional(v.hqCity),
    website: optional(v.website),
    summary: optional(v.summary),
    maxBioreactorLitres: optionalNumber(v.maxBioreactorLitres),
    maxBatchUnits: optionalNumber(v.maxBatchUnits),
  };
}

// Validate with the server's own schema, after turning the text boxes into its types.
const resolver = schemaResolver<VendorFormValues>(
  () => import("@/server/vendors/schemas").then((m) => m.ZVendorProfile),
  clean,
);

const FIELDS = [
  "name",
  "legalName",
  "hqCountry",
  "hqCity",
  "website",
  "summary",
  "stages",
  "modalities",
  "scaleTiers",
  "certifications",
  "maxBioreactorLitres",
  "maxBatchUnits",
] as const;

/**
 * The vendor profile form, shared by "new private vendor", "edit private vendor" and the
 * CDMO's own public profile. `onSubmit` receives the values in the server's shape and may
 * throw a tRPC error, which lands beside the field it names.
 */
export function VendorForm({
  initial,
  onSubmit,
  submitLabel,
  readOnly = false,
  onCancel,
}: {
  initial?: Initial | null;
  onSubmit: (values: VendorProfileInput) => Promise<void>;
  submitLabel: string;
  readOnly?: boolean;
  onCancel?: () => void;
}) {
  const { register, control, handleSubmit, formState, setError } = useForm<VendorFormValues>({
    resolver,
    defaultValues: toFormValues(initial),
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    try {
      // The resolver already returned the parsed (server-shaped) values.
      await onSubmit(values as unknown as VendorProfileInput);
    } catch (err) {
      applyServerError(err, setError, FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <Field label="Company name" error={errors.name?.message}>
          <Input autoComplete="organization" {...register("name")} />
        </Field>
        <Field
          label="Legal name"
          description="As it appears on FDA records; helps match imported data."
          error={errors.legalName?.message}
        >
          <Input {...register("legalName")} />
        </Field>
        <Field label="Headquarters country" error={errors.hqCountry?.message}>
          <Select {...register("hqCountry")}>
            <option value="">Not given</option>
            {countryOptionsWith(initial?.hqCountry as string | null | undefined).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Headquarters city" error={errors.hqCity?.message}>
          <Input {...register("hqCity")} />
        </Field>
        <Field label="Website" error={errors.website?.message}>
          <Input type="url" placeholder="https://" {...register("website")} />
        </Field>
        <Field label="Maximum bioreactor volume (litres)" error={errors.maxBioreactorLitres?.message}>
          <Input type="number" min={0} inputMode="numeric" {...register("maxBioreactorLitres")} />
        </Field>
        <Field
          label="Largest fill batch (units)"
          description="Vials, syringes or cartridges per batch."
          error={errors.maxBatchUnits?.message}
        >
          <Input type="number" min={0} inputMode="numeric" {...register("maxBatchUnits")} />
        </Field>
        <Field label="Summary" className="sm:col-span-2" error={errors.summary?.message}>
          <textarea
            rows={4}
            className="block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm"
            {...register("summary")}
          />
        </Field>
      </fieldset>
      <div className="grid gap-5 md:grid-cols-3">
        <Controller
          control={control}
          name="stages"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              legend="Stages"
              options={STAGE_OPTIONS}
              value={field.value}
              onChange={field.onChange}
              disabled={readOnly}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="modalities"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              legend="Modalities"
              options={MODALITY_OPTIONS}
              value={field.value}
              onChange={field.onChange}
              disabled={readOnly}
              error={fieldState.error?.message}
            />
          )}
        />
        <div className="space-y-5">
          <Controller
            control={control}
            name="scaleTiers"
            render={({ field, fieldState }) => (
              <CheckboxGroup
                legend="Scales"
                options={SCALE_OPTIONS}
                value={field.value}
                onChange={field.onChange}
                disabled={readOnly}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="certifications"
            render={({ field }) => (
              <ChipsInput
                label="Certifications"
                value={field.value}
                onChange={field.onChange}
                suggestions={CERTIFICATION_SUGGESTIONS}
                disabled={readOnly}
                placeholder="e.g. EU GMP"
              />
            )}
          />
        </div>
      </div>
      <FormError message={errors.root?.server?.message} />
      {readOnly ? null : (
        <div className="flex gap-2">
          <Button type="submit" variant="primary" pending={isSubmitting}>
            {isSubmitting ? "Saving…" : submitLabel}
          </Button>
          {onCancel ? (
            <Button variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
        </div>
      )}
    </form>
  );
}
