"use client";

import { useMutation } from "@tanstack/react-query";
import { Dialog } from "radix-ui";
import { useMemo, useState } from "react";
import { toast } from "@/components/ui/toast";
import { formatInZone, readerTimeZone, timeZoneOptions, zonedLocalToUtc } from "@/server/rfps/time-zone";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormDialog } from "../ui/form-dialog";
import { Input, Select } from "../ui/input";
import { useRefreshRfp } from "./lifecycle-actions";

/**
 * Best and final offer: a new round with its own due date. Every invitee who has not declined is
 * asked again; each round's responses stay as they were submitted.
 */
export function RevisionRoundDialog({
  orgSlug,
  rfpId,
  version,
  timeZone: rfpZone,
}: {
  orgSlug: string;
  rfpId: string;
  version: number;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshRfp();
  const [open, setOpen] = useState(false);
  const [local, setLocal] = useState("");
  const [zone, setZone] = useState(rfpZone);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const zones = useMemo(() => {
    const all = timeZoneOptions();
    return all.includes(zone) ? all : [zone, ...all];
  }, [zone]);
  const reader = readerTimeZone();
  const run = useMutation(trpc.rfp.openRevisionRound.mutationOptions());
  const at = local ? zonedLocalToUtc(local, zone) : null;
  const valid = at && !Number.isNaN(at.getTime());

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!valid) return setError("Choose the new due date.");
    if (at.getTime() <= Date.now()) return setError("The new due date must be in the future.");
    try {
      await run.mutateAsync({ orgSlug, rfpId, version, dueAt: at, timeZone: zone, note: note.trim() || undefined });
      toast.success("Revision round opened. Invitees have been asked for their best and final offer.");
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      await refresh();
    }
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(undefined);
      }}
      trigger={
        <Button size="sm" variant="secondary">
          Open revision round…
        </Button>
      }
      title="Open a revision round"
      description={
        <p>
          Invitees who responded or are still invited are asked for a best and final offer by a new due date. Their
          earlier responses are kept and stay viewable; the new round starts from them.
        </p>
      }
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
        <Field
          label="New due date and time"
          error={error}
          description={
            valid && zone !== reader ? `That is ${formatInZone(at, reader, { zoneName: true })} for you.` : undefined
          }
        >
          <Input type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} />
        </Field>
        <Field label="Time zone">
          <Select value={zone} onChange={(e) => setZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
                {z === reader ? " (yours)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Note to invitees (optional)" description="For example: what you would like them to sharpen.">
          <textarea
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            className="block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm"
          />
        </Field>
        <div className="flex justify-end gap-3">
          <Dialog.Close asChild>
            <Button variant="secondary">Cancel</Button>
          </Dialog.Close>
          <Button type="submit" pending={run.isPending}>
            {run.isPending ? "Opening…" : "Open round"}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
