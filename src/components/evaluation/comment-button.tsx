"use client";

import { Dialog } from "radix-ui";
import { useState } from "react";
import { Button } from "../ui/button";
import { Textarea } from "../ui/input";
import { FormDialog } from "../ui/form-dialog";
import { cn } from "../ui/cn";

/** A cell's comment: a small button (filled when there is one) that opens a text box. */
export function CommentButton({
  label,
  comment,
  readOnly,
  onSave,
}: {
  label: string;
  comment: string | null;
  readOnly: boolean;
  onSave: (comment: string | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(comment ?? "");
  if (readOnly && !comment) return null;
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setText(comment ?? "");
      }}
      title={`Comment: ${label}`}
      description="Why this score? Other evaluators and the lead read it in the consensus view."
      trigger={
        <button
          type="button"
          aria-label={`${comment ? "Edit the comment" : "Add a comment"} on ${label}`}
          title={comment ?? "Add a comment"}
          className={cn(
            "rounded px-1.5 py-1 text-xs focus:outline-2 focus:outline-brand-600",
            comment ? "bg-brand-50 text-brand-800" : "text-ink-muted hover:bg-canvas",
          )}
        >
          {comment ? "✎ Note" : "+ Note"}
        </button>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(text.trim() ? text.trim() : null);
          setOpen(false);
        }}
        className="space-y-3"
      >
        <label className="sr-only" htmlFor="score-comment">
          Comment
        </label>
        <Textarea
          id="score-comment"
          value={text}
          readOnly={readOnly}
          maxLength={2000}
          rows={5}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="flex justify-end gap-2">
          <Dialog.Close asChild>
            <Button variant="secondary">Cancel</Button>
          </Dialog.Close>
          {!readOnly ? <Button type="submit">Save comment</Button> : null}
        </div>
      </form>
    </FormDialog>
  );
}
