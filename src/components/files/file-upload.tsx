"use client";

/**
 * <FileUpload> — drop zone plus "Choose files" button; each file uploads with a progress bar and
 * its own inline error, and file lists of the same target refresh when it lands.
 *
 * Props:
 * - orgSlug: the organisation the uploader acts in (the URL's [orgSlug]).
 * - target: `{ purpose: "RFP_ATTACHMENT", rfpId }` (sponsor) or
 *           `{ purpose: "RESPONSE_ANSWER", responseId, questionId }` (CDMO, a "file" question).
 * - accept?: the kinds accepted (a file question's `accept`; default every kind the product takes).
 * - maxBytes?: the largest file, for the hint and an early refusal (default 25 MB; the server decides).
 * - label?: the visible label (default "Attachments"); id?: the input's id, to point a <label> at it.
 * - multiple?: several files at once (default true). disabled?: no new uploads (e.g. a submitted response).
 * - onUploaded?: called with each stored file ({ id, fileName, size, contentType, sha256 }).
 *
 * Pair with <FileList> (file-list.tsx) for what is already there.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type DragEvent } from "react";
import { useTRPC } from "@/trpc/react";
import {
  acceptAttribute,
  formatBytes,
  kindList,
  kindOfName,
  FILE_KINDS,
  type FileKind,
  type UploadTargetParams,
} from "@/server/files/kinds";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { sendFile, type UploadedFile } from "./upload-request";

export type FileUploadProps = {
  orgSlug: string;
  target: UploadTargetParams;
  accept?: readonly FileKind[];
  maxBytes?: number;
  label?: string;
  id?: string;
  multiple?: boolean;
  disabled?: boolean;
  onUploaded?: (file: UploadedFile) => void;
};

type Item = {
  key: string;
  name: string;
  size: number;
  loaded: number;
  status: "uploading" | "done" | "error";
  message?: string;
  abort?: () => void;
};

const DEFAULT_MAX = 25 * 1024 * 1024;

/** The refusal the server would give, said before sending anything (the server still checks the content). */
function precheck(file: File, accept: readonly FileKind[], maxBytes: number): string | null {
  const kind = kindOfName(file.name);
  if (!kind || !accept.includes(kind)) return `${file.name}: only ${kindList(accept)} files are accepted.`;
  if (file.size > maxBytes) return `${file.name} is larger than ${formatBytes(maxBytes)}, the largest file accepted.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}

export function FileUpload({
  orgSlug,
  target,
  accept = FILE_KINDS,
  maxBytes = DEFAULT_MAX,
  label = "Attachments",
  id,
  multiple = true,
  disabled,
  onUploaded,
}: FileUploadProps) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const autoId = useId();
  const inputId = id ?? `file-upload-${autoId}`;
  const hintId = `${inputId}-hint`;
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const update = (key: string, patch: Partial<Item>) =>
    setItems((all) => all.map((it) => (it.key === key ? { ...it, ...patch } : it)));

  const start = (files: File[]) => {
    if (disabled) return;
    for (const file of multiple ? files : files.slice(0, 1)) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      const problem = precheck(file, accept, maxBytes);
      if (problem) {
        setItems((all) => [
          ...all,
          { key, name: file.name, size: file.size, loaded: 0, status: "error", message: problem },
        ]);
        continue;
      }
      const req = sendFile(orgSlug, target, file, (loaded) => update(key, { loaded }));
      setItems((all) => [
        ...all,
        { key, name: file.name, size: file.size, loaded: 0, status: "uploading", abort: req.abort },
      ]);
      void req.done.then(async (outcome) => {
        if (outcome.ok) {
          // Finished uploads leave the queue: the file list shows them now.
          setItems((all) => all.filter((it) => it.key !== key));
          onUploaded?.(outcome.file);
          await qc.invalidateQueries({ queryKey: trpc.file.list.pathKey() });
        } else update(key, { status: "error", message: outcome.message, abort: undefined });
      });
    }
    if (input.current) input.current.value = "";
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    start([...e.dataTransfer.files]);
  };

  return (
    <div className="space-y-3">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center",
          over ? "border-brand-600 bg-brand-50" : "border-line-strong bg-surface",
          disabled && "opacity-60",
        )}
      >
        <label htmlFor={inputId} className="text-sm font-semibold text-ink">
          {label}
        </label>
        <p id={hintId} className="text-sm text-ink-muted">
          Drag files here or choose them. {kindList(accept)}, up to {formatBytes(maxBytes)} each.
        </p>
        <input
          ref={input}
          id={inputId}
          type="file"
          className="sr-only"
          accept={acceptAttribute(accept)}
          multiple={multiple}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(e) => start([...(e.target.files ?? [])])}
        />
        <Button
          variant="secondary"
          size="sm"
          disabled={disabled}
          onClick={() => input.current?.click()}
          aria-controls={inputId}
        >
          Choose {multiple ? "files" : "a file"}
        </Button>
      </div>
      {items.length > 0 ? (
        <ul className="space-y-2" aria-label="Uploads">
          {items.map((it) => (
            <li key={it.key} className="rounded-md border border-line bg-surface px-3 py-2 text-sm">
              <div className="flex items-center justify-between gap-3">
                <span className="truncate font-medium text-ink">{it.name}</span>
                {it.status === "uploading" ? (
                  <Button variant="ghost" size="sm" onClick={it.abort}>
                    Cancel<span className="sr-only"> uploading {it.name}</span>
                  </Button>
                ) : (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setItems((all) => all.filter((x) => x.key !== it.key))}
                  >
                    Dismiss<span className="sr-only"> the message about {it.name}</span>
                  </Button>
                )}
              </div>
              {it.status === "uploading" ? (
                <progress
                  className="mt-1 h-2 w-full accent-brand-600"
                  max={it.size || 1}
                  value={it.loaded}
                  aria-label={`Uploading ${it.name}`}
                />
              ) : null}
              {it.status === "error" ? (
                <p role="alert" className="mt-1 text-danger-700">
                  {it.message}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
