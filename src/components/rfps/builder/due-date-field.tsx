"use client";

import { useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { formatInZone, timeZoneOptions } from "@/server/rfps/time-zone";
import { FieldError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { dueAtOf, type BuilderValues } from "./builder-values";
import { errorAt, fieldId } from "./form-bits";

/**
 * The due date as a wall-clock time in a chosen zone (stored as the UTC instant plus the zone),
 * with the same moment in the reader's own zone underneath, so "17:00 in Berlin" is never
 * mistaken for 17:00 where the sponsor sits.
 */
export function DueDateField({ readerZone, disabled }: { readerZone: string; disabled: boolean }) {
  const { register, control, formState } = useFormContext<BuilderValues>();
  const dueLocal = useWatch({ control, name: "dueLocal" });
  const timeZone = useWatch({ control, name: "timeZone" });
  const zones = useMemo(() => {
    const all = timeZoneOptions();
    return all.includes(readerZone) ? all : [readerZone, ...all];
  }, [readerZone]);
  const at = dueAtOf(dueLocal, timeZone);
  const valid = at && !Number.isNaN(at.getTime());
  const error = errorAt(formState.errors, "dueAt") ?? errorAt(formState.errors, "dueLocal");
  const zoneError = errorAt(formState.errors, "timeZone");
  const hintId = "rfp-due-hint";

  return (
    <fieldset className="space-y-3" disabled={disabled}>
      <legend className="text-sm font-semibold text-ink">Due date</legend>
      <div className="space-y-1.5">
        <Label htmlFor={fieldId("dueLocal")}>Date and time</Label>
        <Input
          id={fieldId("dueLocal")}
          type="datetime-local"
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          {...register("dueLocal")}
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={fieldId("timeZone")}>Time zone</Label>
        <Select id={fieldId("timeZone")} aria-invalid={zoneError ? true : undefined} {...register("timeZone")}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")}
              {z === readerZone ? " (yours)" : ""}
            </option>
          ))}
        </Select>
        <FieldError message={zoneError} />
      </div>
      <p id={hintId} className="text-xs text-ink-muted" aria-live="polite">
        {!dueLocal
          ? "No due date yet. It is needed before publishing."
          : valid
            ? timeZone === readerZone
              ? `Responses are due ${formatInZone(at, timeZone)}. Each invitee sees it in their own time zone.`
              : `That is ${formatInZone(at, readerZone)} in your time zone (${readerZone.replace(/_/g, " ")}).`
            : "Enter a complete date and time."}
      </p>
      <FieldError message={error} />
    </fieldset>
  );
}
