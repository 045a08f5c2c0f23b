"use client";

import { useState } from "react";
import type { BuiltProblem } from "@/server/portfolio/build";
import { coreConstraints } from "@/server/portfolio/build";
import type { ScenarioSettings } from "@/server/portfolio/settings";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Field } from "../ui/field";
import { FormDialog } from "../ui/form-dialog";
import { Input, Select } from "../ui/input";
import type { Scenario } from "./use-scenario";

/** Which scenario is open, and what to do with it: save, discard, save as new, pin, delete, export. */
export function ScenarioBar({
  scenarios,
  current,
  onSelect,
  dirty,
  pending,
  canWrite,
  locked,
  onSave,
  onDiscard,
  onSaveAsNew,
  onPin,
  onDelete,
  built,
  settings,
  fileName,
}: {
  scenarios: Scenario[];
  current: Scenario | null;
  onSelect: (id: string) => void;
  dirty: boolean;
  pending: boolean;
  canWrite: boolean;
  locked: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onSaveAsNew: (name: string, pinned: boolean) => void;
  onPin: (pinned: boolean) => void;
  onDelete: () => void;
  built: BuiltProblem;
  settings: ScenarioSettings;
  fileName: string;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [pin, setPin] = useState(true);
  const [error, setError] = useState<string | undefined>();
  function download() {
    // The document `cdmo optimize` reads: the page's problem and constraints, exactly as it computes them.
    const doc = { problem: built.problem, constraints: coreConstraints(built, settings.constraints) };
    const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 rounded-lg border border-line bg-surface p-3">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Scenario" className="min-w-56">
          <Select value={current?.id ?? ""} onChange={(e) => onSelect(e.target.value)} disabled={!scenarios.length}>
            {!current ? <option value="">Base case (not saved yet)</option> : null}
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.pinned ? " (pinned)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        {dirty ? <Badge tone="warning">Unsaved changes</Badge> : null}
        {locked ? <Badge tone="success">Awarded: read only</Badge> : null}
        {canWrite && !locked ? (
          <>
            <Button onClick={onSave} pending={pending} disabled={!dirty && !!current}>
              {current ? "Save" : "Save as Base case"}
            </Button>
            {dirty ? (
              <Button variant="ghost" onClick={onDiscard}>
                Discard changes
              </Button>
            ) : null}
          </>
        ) : null}
        {canWrite ? (
          <FormDialog
            open={open}
            onOpenChange={(o) => {
              setOpen(o);
              setError(undefined);
            }}
            title="Save as a new scenario"
            description={
              <p>The current assumptions, risks, estimates, constraints and assignment, under a new name.</p>
            }
            trigger={<Button variant="secondary">Save as new</Button>}
          >
            <form
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                if (!name.trim()) return setError("Give the scenario a name.");
                onSaveAsNew(name.trim(), pin);
                setOpen(false);
                setName("");
              }}
            >
              <Field label="Name" error={error}>
                <Input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
              </Field>
              <label className="flex items-center gap-2 text-sm text-ink">
                <input type="checkbox" className="size-4" checked={pin} onChange={(e) => setPin(e.target.checked)} />
                Pin it to the comparison
              </label>
              <div className="flex justify-end">
                <Button type="submit">Save</Button>
              </div>
            </form>
          </FormDialog>
        ) : null}
        {canWrite && current && !locked ? (
          <>
            <Button variant="secondary" onClick={() => onPin(!current.pinned)} disabled={pending}>
              {current.pinned ? "Unpin" : "Pin to comparison"}
            </Button>
            <ConfirmDialog
              trigger={<Button variant="ghost">Delete</Button>}
              title={`Delete "${current.name}"?`}
              description="The scenario leaves the comparison. Its history stays in the audit log."
              confirmLabel="Delete scenario"
              onConfirm={onDelete}
            />
          </>
        ) : null}
      </div>
      <Button
        variant="ghost"
        size="sm"
        onClick={download}
        title="The problem and constraints for npm run cdmo -- optimize"
      >
        Download problem (JSON)
      </Button>
    </div>
  );
}
