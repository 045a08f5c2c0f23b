"use client";

import { useState } from "react";
import type { ProblemVendor } from "@/server/portfolio/build";
import { Button } from "../ui/button";
import { FormDialog } from "../ui/form-dialog";
import { NumberField } from "./number-field";

/** The team's bundle discount for a vendor (what was negotiated), or none; "as offered" restores the response's. */
export function BundleDialog({
  vendor,
  onSave,
  disabled,
}: {
  vendor: ProblemVendor;
  onSave: (b: { rate: number; minStages: number } | null | undefined) => void;
  disabled: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [rate, setRate] = useState<number | null>(vendor.bundle?.rate ?? null);
  const [min, setMin] = useState<number | null>(vendor.bundle?.minStages ?? 2);
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setRate(vendor.bundle?.rate ?? null);
          setMin(vendor.bundle?.minStages ?? 2);
        }
      }}
      title={`Bundle discount of ${vendor.name}`}
      description={<p>A discount on all of its quoted prices when it is given at least the number of stages below.</p>}
      trigger={
        <Button size="sm" variant="ghost" disabled={disabled}>
          Edit<span className="sr-only"> the bundle discount of {vendor.name}</span>
        </Button>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(rate === null || rate === 0 || min === null ? null : { rate, minStages: min });
          setOpen(false);
        }}
      >
        <NumberField
          label="Discount"
          unit="%"
          value={rate}
          onChange={setRate}
          min={0}
          max={50}
          scale={100}
          description="Empty or 0: no discount."
        />
        <NumberField label="From how many stages" value={min} onChange={setMin} min={2} max={10} integer />
        <div className="flex flex-wrap justify-end gap-2">
          {vendor.bundleSource === "team" || vendor.bundleSource === "none" ? (
            <Button
              variant="secondary"
              onClick={() => {
                onSave(undefined);
                setOpen(false);
              }}
            >
              As offered in the response
            </Button>
          ) : null}
          <Button type="submit">Apply</Button>
        </div>
      </form>
    </FormDialog>
  );
}
