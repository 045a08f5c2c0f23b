"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormDialog } from "../ui/form-dialog";
import { Input, Textarea } from "../ui/input";

/** The lead proposes a portfolio for award: the rationale, who must approve, and the author's signature. */
export function ProposeDialog({
  label,
  signers,
  meId,
  onPropose,
}: {
  label: string;
  signers: { id: string; name: string; role: string }[];
  meId: string;
  onPropose: (p: {
    rationale: string;
    approverIds: string[];
    password: string;
  }) => Promise<{ field?: string; message: string } | null>;
}) {
  const [open, setOpen] = useState(false);
  const [rationale, setRationale] = useState("");
  const [approvers, setApprovers] = useState<string[]>([]);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const others = signers.filter((s) => s.id !== meId);
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setPassword("");
        setErrors({});
      }}
      title={`Propose ${label} for award`}
      description={
        <p>
          You sign it as its author. Each approver you name then signs with their password; when the last one signs, the
          RFP is awarded and every CDMO is told its own outcome.
        </p>
      }
      trigger={<Button size="sm">Propose for award</Button>}
    >
      <form
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const errs: Record<string, string> = {};
          if (rationale.trim().length < 10) errs.rationale = "Say why this portfolio (at least 10 characters).";
          if (!approvers.length) errs.approverIds = "Choose at least one approver.";
          if (!password) errs.password = "Enter your password to sign.";
          setErrors(errs);
          if (Object.keys(errs).length) return;
          setPending(true);
          const err = await onPropose({ rationale: rationale.trim(), approverIds: approvers, password });
          setPending(false);
          if (err)
            setErrors({
              [err.field && ["rationale", "approverIds", "password"].includes(err.field) ? err.field : "form"]:
                err.message,
            });
          else setOpen(false);
        }}
      >
        <Field label="Rationale" error={errors.rationale}>
          <Textarea rows={4} value={rationale} maxLength={4000} onChange={(e) => setRationale(e.target.value)} />
        </Field>
        <fieldset className="space-y-1.5" aria-describedby={errors.approverIds ? "approvers-error" : undefined}>
          <legend className="text-sm font-medium text-ink">Approvers who must sign</legend>
          {others.length ? (
            others.map((s) => (
              <label key={s.id} className="flex items-center gap-2 text-sm text-ink">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={approvers.includes(s.id)}
                  onChange={(e) =>
                    setApprovers(e.target.checked ? [...approvers, s.id] : approvers.filter((x) => x !== s.id))
                  }
                />
                {s.name} <span className="text-xs text-ink-muted">({s.role.toLowerCase()})</span>
              </label>
            ))
          ) : (
            <p className="text-sm text-ink-muted">
              Nobody else in your organisation can sign yet. Invite an admin or evaluator first.
            </p>
          )}
          {errors.approverIds ? (
            <p id="approvers-error" role="alert" className="text-sm text-danger-700">
              {errors.approverIds}
            </p>
          ) : null}
        </fieldset>
        <Field label="Your password (signs as author)" error={errors.password}>
          <Input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {errors.form ? (
          <p role="alert" className="text-sm text-danger-700">
            {errors.form}
          </p>
        ) : null}
        <div className="flex justify-end">
          <Button type="submit" pending={pending}>
            Sign and propose
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
