"use client";

import { useRef, useState } from "react";
import { STAGES, stageLabel } from "@/server/vendors/catalog";
import { Button } from "../ui/button";
import { Select } from "../ui/input";

/**
 * The ordered stages a programme needs. Order matters (the portfolio model's chain), so each
 * stage has "Move up" / "Move down" buttons: plain buttons work with the keyboard and screen
 * readers, focus stays on the button that was pressed (it moves with its stage), and a live
 * region says where the stage went.
 */
export function StageChainEditor({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const [announcement, setAnnouncement] = useState("");
  const [adding, setAdding] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const remaining = STAGES.filter((s) => !value.includes(s.code));

  const focusLater = (selector: string) =>
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(selector)?.focus());

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= value.length) return;
    const next = [...value];
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
    const code = value[index]!;
    setAnnouncement(`${stageLabel(code)} moved to position ${to + 1} of ${next.length}.`);
    // At either end the pressed button is disabled; keep focus on the stage's other button.
    const edge = to === 0 ? "down" : to === next.length - 1 ? "up" : by < 0 ? "up" : "down";
    focusLater(`[data-stage="${code}"] [data-move="${edge}"]`);
  };

  const remove = (index: number) => {
    const code = value[index]!;
    const next = value.filter((_, i) => i !== index);
    onChange(next);
    setAnnouncement(`${stageLabel(code)} removed.`);
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) focusLater(`[data-stage="${neighbour}"] [data-remove]`);
  };

  const add = () => {
    if (!adding) return;
    onChange([...value, adding]);
    setAnnouncement(`${stageLabel(adding)} added at position ${value.length + 1}.`);
    setAdding("");
  };

  return (
    <fieldset disabled={disabled} className="min-w-0 space-y-3" aria-describedby={error ? "stages-error" : undefined}>
      <legend className="text-sm font-medium text-ink">Stages, in the order they happen</legend>
      <p className="text-xs text-ink-muted">
        The chain the portfolio model compares vendors on: each change of company between two consecutive stages is a
        tech transfer.
      </p>
      {value.length ? (
        <ol ref={list} className="divide-y divide-line rounded-md border border-line" aria-label="Selected stages">
          {value.map((code, i) => (
            <li key={code} data-stage={code} className="flex flex-wrap items-center gap-2 px-3 py-2">
              <span
                aria-hidden="true"
                className="inline-flex size-6 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-800"
              >
                {i + 1}
              </span>
              <span className="min-w-0 flex-1 text-sm text-ink">{stageLabel(code)}</span>
              <Button
                size="sm"
                variant="ghost"
                data-move="up"
                disabled={i === 0}
                aria-label={`Move ${stageLabel(code)} up`}
                onClick={() => move(i, -1)}
              >
                <span aria-hidden="true">↑</span> Up
              </Button>
              <Button
                size="sm"
                variant="ghost"
                data-move="down"
                disabled={i === value.length - 1}
                aria-label={`Move ${stageLabel(code)} down`}
                onClick={() => move(i, 1)}
              >
                <span aria-hidden="true">↓</span> Down
              </Button>
              <Button
                size="sm"
                variant="ghost"
                data-remove
                aria-label={`Remove ${stageLabel(code)}`}
                onClick={() => remove(i)}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="rounded-md border border-dashed border-line-strong px-3 py-4 text-sm text-ink-muted">
          No stages yet. Add the first one below.
        </p>
      )}
      {remaining.length ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="min-w-56 flex-1 space-y-1 text-sm font-medium text-ink">
            <span>Add a stage</span>
            <Select
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  add();
                }
              }}
            >
              <option value="">Choose a stage…</option>
              {remaining.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </Select>
          </label>
          <Button variant="secondary" onClick={add} disabled={!adding}>
            Add stage
          </Button>
        </div>
      ) : null}
      {error ? (
        <p id="stages-error" role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}
