"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import type { AutoSource } from "@/server/evaluation/criteria";
import { PREFILL_FORMULAS } from "@/server/evaluation/prefill-formulas";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormDialog } from "../ui/form-dialog";
import { Input, Textarea } from "../ui/input";
import { fmtScore, parseScore, type AutoRow, type VendorRef } from "./types";

/** An automatically scored cell: the value, where it comes from, and (for a lead) an override with a reason. */
export function AutoCellView({
  cell,
  vendor,
  leafName,
  source,
  scale,
  canOverride,
  orgSlug,
  rfpId,
}: {
  cell: AutoRow | undefined;
  vendor: VendorRef;
  leafName: string;
  source: AutoSource;
  scale: { min: number; max: number };
  canOverride: boolean;
  orgSlug: string;
  rfpId: string;
}) {
  const value = cell?.value ?? null;
  return (
    <div className="space-y-0.5">
      <div className="flex items-center gap-1.5">
        <span className="w-10 text-right font-medium tabular-nums">{fmtScore(value, 2)}</span>
        {cell?.override ? <Badge tone="warning">Overridden</Badge> : <Badge tone="brand">Auto</Badge>}
      </div>
      <p className="max-w-48 text-xs text-ink-muted" title={PREFILL_FORMULAS[source]}>
        {cell?.override ? `Was ${fmtScore(cell.prefill.value, 2)}: ${cell.override.reason}` : cell?.prefill.basis}
      </p>
      {canOverride && cell ? (
        <OverrideDialog cell={cell} vendor={vendor} leafName={leafName} scale={scale} orgSlug={orgSlug} rfpId={rfpId} />
      ) : null}
    </div>
  );
}

function OverrideDialog({
  cell,
  vendor,
  leafName,
  scale,
  orgSlug,
  rfpId,
}: {
  cell: AutoRow;
  vendor: VendorRef;
  leafName: string;
  scale: { min: number; max: number };
  orgSlug: string;
  rfpId: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const m = useMutation(trpc.evaluation.override.mutationOptions());

  const send = async (value: number | null) => {
    setError(null);
    try {
      await m.mutateAsync({ orgSlug, rfpId, vendorId: cell.vendorId, criterionId: cell.criterionId, value, reason });
      toast.success(value === null ? "Back to the automatic score." : "Override saved.");
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: trpc.evaluation.get.queryKey({ orgSlug, rfpId }) });
    } catch (e) {
      setError({ message: errorMessage(e) });
    }
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setText(cell.override ? String(cell.override.value) : "");
          setReason("");
          setError(null);
        }
      }}
      title={`Override: ${vendor.name}, ${leafName}`}
      description={
        <>
          <p>
            Automatic value {fmtScore(cell.prefill.value, 2)} ({cell.prefill.basis}). The override replaces it in every
            total; the reason goes in the audit log.
          </p>
        </>
      }
      trigger={
        <button type="button" className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline">
          {cell.override ? "Change override" : "Override"}
          <span className="sr-only">
            {" "}
            {leafName} for {vendor.name}
          </span>
        </button>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const v = parseScore(text, scale);
          if (typeof v === "string" || v === null) {
            setError({ field: "value", message: typeof v === "string" ? v : "Enter the score to use." });
            return;
          }
          void send(v);
        }}
      >
        <Field label={`Score (${scale.min}-${scale.max})`} error={error?.field === "value" ? error.message : undefined}>
          <Input inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} className="w-24" />
        </Field>
        <Field label="Reason" description="Required: why the automatic value is wrong here.">
          <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} />
        </Field>
        {error && error.field !== "value" ? (
          <p role="alert" className="text-sm text-danger-700">
            {error.message}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Dialog.Close asChild>
            <Button variant="secondary">Cancel</Button>
          </Dialog.Close>
          {cell.override ? (
            <Button variant="secondary" pending={m.isPending} onClick={() => void send(null)}>
              Use the automatic value
            </Button>
          ) : null}
          <Button type="submit" pending={m.isPending}>
            Save override
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
