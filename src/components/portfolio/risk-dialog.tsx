"use client";

import { useState } from "react";
import type { ProblemVendor } from "@/server/portfolio/build";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormDialog } from "../ui/form-dialog";
import { Textarea } from "../ui/input";
import { fmtPct } from "./format";
import { NumberField } from "./number-field";

/** Set a vendor's disruption risk instead of the derived one; a reason is required and kept. */
export function RiskDialog({
  vendor,
  onSave,
  disabled,
}: {
  vendor: ProblemVendor;
  onSave: (o: { annualRisk: number; reason: string } | null) => void;
  disabled: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [risk, setRisk] = useState<number | null>(vendor.annualRisk);
  const [reason, setReason] = useState(vendor.riskSource === "override" ? vendor.riskBasis : "");
  const [error, setError] = useState<string | undefined>();
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setRisk(vendor.annualRisk);
          setReason(vendor.riskSource === "override" ? vendor.riskBasis : "");
          setError(undefined);
        }
      }}
      title={`Disruption risk of ${vendor.name}`}
      description={
        <p>
          Derived from its quality history: {fmtPct(vendor.derivedRisk, 2)} a year. Say why the team sees it
          differently.
        </p>
      }
      trigger={
        <Button size="sm" variant="ghost" disabled={disabled}>
          {vendor.riskSource === "override" ? "Change" : "Override"}
          <span className="sr-only"> the risk of {vendor.name}</span>
        </Button>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (risk === null) return setError("Enter the annual risk, or cancel.");
          if (reason.trim().length < 3) return setError("Say why the risk differs from the derived one.");
          onSave({ annualRisk: risk, reason: reason.trim() });
          setOpen(false);
        }}
      >
        <NumberField
          label="Annual disruption risk"
          unit="%"
          value={risk}
          onChange={setRisk}
          min={0}
          max={100}
          scale={100}
        />
        <Field label="Reason" error={error}>
          <Textarea rows={3} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          {vendor.riskSource === "override" ? (
            <Button
              variant="secondary"
              onClick={() => {
                onSave(null);
                setOpen(false);
              }}
            >
              Use the derived risk
            </Button>
          ) : null}
          <Button type="submit">Apply</Button>
        </div>
      </form>
    </FormDialog>
  );
}
