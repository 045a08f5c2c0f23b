"use client";

import { useMutation } from "@tanstack/react-query";
import { FILE_TYPES, RFP_LIMITS, type FileQuestion } from "@/server/rfps/content-model";
import { downloadUrl, formatBytes } from "@/server/files/kinds";
import { useTRPC } from "@/trpc/react";
import { FileUpload } from "@/components/files/file-upload";
import { Button } from "@/components/ui/button";
import { answerDomId } from "./question-ids";

export type FileMeta = { id: string; fileName: string; size: number };

export const fileIdsOf = (value: unknown): string[] =>
  value && typeof value === "object" && Array.isArray((value as { fileIds?: unknown }).fileIds)
    ? ((value as { fileIds: unknown[] }).fileIds.filter((x) => typeof x === "string") as string[])
    : [];

/** The files an answer attaches, each a download link. */
export function AttachedFiles({
  orgSlug,
  ids,
  files,
  onRemove,
  label,
}: {
  orgSlug: string;
  ids: string[];
  files: ReadonlyMap<string, FileMeta>;
  onRemove?: (id: string) => void;
  label: string;
}) {
  if (!ids.length) return <p className="text-sm text-ink-muted">No file attached.</p>;
  return (
    <ul aria-label={label} className="divide-y divide-line rounded-md border border-line bg-surface">
      {ids.map((id) => {
        const f = files.get(id);
        const name = f?.fileName ?? "Attached file";
        return (
          <li key={id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
            <span className="min-w-0">
              <a
                href={downloadUrl(orgSlug, id)}
                download={name}
                className="font-medium break-all text-brand-700 underline-offset-2 hover:underline"
              >
                {name}
              </a>
              {f ? <span className="ml-2 text-xs text-ink-muted">{formatBytes(f.size)}</span> : null}
            </span>
            {onRemove ? (
              <Button variant="ghost" size="sm" onClick={() => onRemove(id)}>
                Remove<span className="sr-only"> {name}</span>
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A file question: the files attached to the answer, and an upload that attaches each file as it
 * lands (the answer holds the file ids; autosave sends them). Removing detaches the file from the
 * answer and deletes it if it was uploaded for this draft (a file carried over from an earlier,
 * submitted round stays with that round).
 */
export function FileAnswer({
  orgSlug,
  responseId,
  question,
  value,
  onChange,
  files,
  onMeta,
}: {
  orgSlug: string;
  responseId: string;
  question: FileQuestion;
  value: unknown;
  onChange: (update: (prev: unknown) => unknown) => void;
  files: ReadonlyMap<string, FileMeta>;
  onMeta: (f: FileMeta) => void;
}) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.file.remove.mutationOptions());
  const ids = fileIdsOf(value);
  const full = ids.length >= RFP_LIMITS.filesPerAnswer;
  return (
    <div className="space-y-3">
      <AttachedFiles
        orgSlug={orgSlug}
        ids={ids}
        files={files}
        label="Attached files"
        onRemove={(id) => {
          onChange((prev) => {
            const rest = fileIdsOf(prev).filter((x) => x !== id);
            return rest.length ? { fileIds: rest } : null;
          });
          // Best effort: the server refuses for a file of an earlier round, which is what we want.
          remove.mutate({ orgSlug, fileId: id }, { onError: () => {} });
        }}
      />
      <FileUpload
        orgSlug={orgSlug}
        id={answerDomId(question.id)}
        target={{ purpose: "RESPONSE_ANSWER", responseId, questionId: question.id }}
        accept={question.accept?.length ? question.accept : FILE_TYPES}
        label={full ? `At most ${RFP_LIMITS.filesPerAnswer} files per question` : "Upload files for this answer"}
        disabled={full}
        onUploaded={(f) => {
          onMeta({ id: f.id, fileName: f.fileName, size: f.size });
          onChange((prev) => {
            const list = fileIdsOf(prev);
            return list.includes(f.id) ? prev : { fileIds: [...list, f.id] };
          });
        }}
      />
    </div>
  );
}
