"use client";

import { useState } from "react";
import type { BuiltProblem } from "@/server/portfolio/build";
import { ZEstimate, type Estimate } from "@/server/portfolio/settings";
import { fieldMessageOf } from "@/server/validation";
import { STAGES } from "@/server/vendors/catalog";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormDialog } from "../ui/form-dialog";
import { Input, Select } from "../ui/input";
import { NumberField } from "./number-field";

const newEstimateId = () => `est-${Math.random().toString(36).slice(2, 10)}`;

/** An estimate for a stage: a placeholder vendor ("typical fill-finish CDMO") or an invited vendor that did not quote it. */
export function EstimateDialog({
  stageId,
  built,
  currency,
  onAdd,
  disabled,
}: {
  stageId: string;
  built: BuiltProblem;
  currency: string;
  onAdd: (e: Estimate) => void;
  disabled: boolean;
}) {
  const stageName = STAGES.find((s) => s.code === stageId)?.label ?? stageId;
  const [open, setOpen] = useState(false);
  const [vendorId, setVendorId] = useState("");
  const [label, setLabel] = useState(`Typical ${stageName.toLowerCase()} CDMO`);
  const [price, setPrice] = useState<number | null>(null);
  const [weeks, setWeeks] = useState<number | null>(null);
  const [minWeeks, setMin] = useState<number | null>(null);
  const [maxWeeks, setMax] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>();
  const invited = built.vendors.filter(
    (v) => !v.estimate && !built.problem.offers.some((o) => o.vendorId === v.id && o.stageId === stageId),
  );
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      title={`Estimate for ${stageName}`}
      description={
        <p>
          Nobody quoted this stage. An estimate lets the comparison run; it is marked as an estimate everywhere, and an
          award needs a real quote.
        </p>
      }
      trigger={
        <Button size="sm" variant="secondary" disabled={disabled}>
          Add an estimate<span className="sr-only"> for {stageName}</span>
        </Button>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = ZEstimate.safeParse({
            id: newEstimateId(),
            stageId,
            vendorId: vendorId || null,
            label: vendorId ? (built.vendors.find((v) => v.id === vendorId)?.name ?? label) : label,
            price: price ?? undefined,
            durationWeeks: weeks ?? undefined,
            ...(minWeeks !== null ? { minWeeks } : {}),
            ...(maxWeeks !== null ? { maxWeeks } : {}),
            note: null,
          });
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            return setError(fieldMessageOf([issue]));
          }
          onAdd(parsed.data);
          setOpen(false);
        }}
      >
        <Field label="Who">
          <Select value={vendorId} onChange={(e) => setVendorId(e.target.value)}>
            <option value="">A placeholder vendor</option>
            {invited.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} (did not quote it)
              </option>
            ))}
          </Select>
        </Field>
        {vendorId ? null : (
          <Field label="Name of the placeholder">
            <Input value={label} maxLength={80} onChange={(e) => setLabel(e.target.value)} />
          </Field>
        )}
        <NumberField label="Price" unit={currency} value={price} onChange={setPrice} min={0} max={1e12} />
        <NumberField label="Expected duration" unit="weeks" value={weeks} onChange={setWeeks} min={0} max={520} />
        <div className="grid grid-cols-2 gap-3">
          <NumberField label="Shortest" unit="weeks" value={minWeeks} onChange={setMin} min={0} max={520} />
          <NumberField label="Longest" unit="weeks" value={maxWeeks} onChange={setMax} min={0} max={520} />
        </div>
        {error ? (
          <p role="alert" className="text-sm text-danger-700">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end">
          <Button type="submit">Add the estimate</Button>
        </div>
      </form>
    </FormDialog>
  );
}
