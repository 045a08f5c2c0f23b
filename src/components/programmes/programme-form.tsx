"use client";

import type { ReactNode } from "react";
import { Controller, useForm } from "react-hook-form";
import { CURRENCIES, PROGRAMME_PHASES, PROGRAMME_FIELDS } from "@/server/programmes/model";
import type { TProgrammeFields } from "@/server/programmes/schemas";
import { MODALITIES } from "@/server/vendors/catalog";
import { FormError } from "../forms/form-error";
import { applyServerError } from "../forms/server-errors";
import { schemaResolver } from "../vendors/schema-resolver";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { AssumptionsFieldset } from "./assumptions-fieldset";
import { COST_OF_DELAY_HELP, DEFAULT_ASSUMPTIONS } from "./assumptions";
import { formatMoney } from "./format";
import { toFormValues, toServerInput, type ProgrammeFormValues, type ProgrammeInitial } from "./form-values";
import { StageChainEditor } from "./stage-chain-editor";

// Validate with the server's own schema, after turning the boxes into its input shape.
const resolver = schemaResolver<ProgrammeFormValues>(
  () => import("@/server/programmes/schemas").then((m) => m.ZProgrammeFields),
  toServerInput,
);

/**
 * The programme form for "new" and "edit". `onSubmit` gets the server-shaped values and may
 * throw a tRPC error, which lands beside the field it names. `notice` renders above the buttons
 * (the edit page's "someone else saved" message).
 */
export function ProgrammeForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  notice,
}: {
  initial?: ProgrammeInitial | null;
  submitLabel: string;
  onSubmit: (values: TProgrammeFields) => Promise<void>;
  onCancel?: () => void;
  notice?: ReactNode;
}) {
  const { register, control, handleSubmit, formState, setError, setValue, watch } = useForm<ProgrammeFormValues>({
    resolver,
    defaultValues: toFormValues(initial),
  });
  const { errors, isSubmitting } = formState;
  const currency = watch("currency") || "USD";

  const submit = handleSubmit(async (values) => {
    try {
      // The resolver already returned the parsed (server-shaped) values.
      await onSubmit(values as unknown as TProgrammeFields);
    } catch (err) {
      applyServerError(err, setError, PROGRAMME_FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card aria-labelledby="programme-what">
        <CardHeader
          id="programme-what"
          title="The programme"
          description="What is being developed and how far along."
        />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field label="Programme name" error={errors.name?.message}>
            <Input autoComplete="off" {...register("name")} />
          </Field>
          <Field
            label="Molecule"
            description="An internal code is fine (e.g. HX-101)."
            error={errors.molecule?.message}
          >
            <Input autoComplete="off" {...register("molecule")} />
          </Field>
          <Field label="Modality" error={errors.modality?.message}>
            <Select {...register("modality")}>
              <option value="">Choose a modality…</option>
              {MODALITIES.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Phase" error={errors.phase?.message}>
            <Select {...register("phase")}>
              <option value="">Choose a phase…</option>
              {PROGRAMME_PHASES.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Description" className="sm:col-span-2" error={errors.description?.message}>
            <textarea
              rows={3}
              className="block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm"
              {...register("description")}
            />
          </Field>
        </CardBody>
      </Card>

      <Card aria-labelledby="programme-stages">
        <CardHeader
          id="programme-stages"
          title="Stages"
          description="What the programme needs from contract manufacturers."
        />
        <CardBody>
          <Controller
            control={control}
            name="stages"
            render={({ field }) => (
              <StageChainEditor value={field.value} onChange={field.onChange} error={errors.stages?.message} />
            )}
          />
        </CardBody>
      </Card>

      <Card aria-labelledby="programme-plan">
        <CardHeader id="programme-plan" title="Dates and money" />
        <CardBody className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Start date" error={errors.startDate?.message}>
            <Input type="date" {...register("startDate")} />
          </Field>
          <Field label="Target date" description="When the last stage must be done." error={errors.targetDate?.message}>
            <Input type="date" {...register("targetDate")} />
          </Field>
          <div className="hidden lg:block" />
          <Field label="Budget" error={errors.budget?.message}>
            <Input type="number" inputMode="decimal" min={0} step="any" {...register("budget")} />
          </Field>
          <Field
            label="Currency"
            description="Budget and assumptions are in this currency."
            error={errors.currency?.message}
          >
            <Select {...register("currency")}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Cost of delay per week"
            description={`${COST_OF_DELAY_HELP} Default: ${formatMoney(DEFAULT_ASSUMPTIONS.costOfDelayPerWeek, currency)}.`}
            error={errors.costOfDelayPerWeek?.message}
          >
            <Input type="number" inputMode="decimal" min={0} step="any" {...register("costOfDelayPerWeek")} />
          </Field>
        </CardBody>
      </Card>

      <Card aria-labelledby="programme-assumptions">
        <CardHeader id="programme-assumptions" title="Portfolio assumptions" />
        <CardBody>
          <AssumptionsFieldset register={register} errors={errors} setValue={setValue} currency={currency} />
        </CardBody>
      </Card>

      {notice}
      <FormError message={errors.root?.server?.message} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={isSubmitting}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
