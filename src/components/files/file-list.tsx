"use client";

/**
 * <FileList> — the files of an RFP (its attachments) or of a response (optionally one question),
 * as the reader may see them, each a download link; the reader's own files get "Remove" with a
 * confirmation when `canRemove` is set (the server still decides).
 *
 * Props:
 * - orgSlug: the organisation the reader acts in.
 * - query: `{ rfpId }` (attachments) or `{ responseId, questionId? }` (answer files).
 * - canRemove?: offer removal of the reader's own files (e.g. a draft RFP or response and a writer role).
 * - emptyText?: what to say when there are none (default "No files yet.").
 * - label?: an accessible name for the list (default "Files").
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { downloadUrl, formatBytes } from "@/server/files/kinds";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { Skeleton } from "../ui/skeleton";
import { errorMessage } from "../forms/server-errors";

export type FileListProps = {
  orgSlug: string;
  query: { rfpId: string } | { responseId: string; questionId?: string };
  canRemove?: boolean;
  emptyText?: string;
  label?: string;
};

export function FileList({ orgSlug, query, canRemove, emptyText = "No files yet.", label = "Files" }: FileListProps) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const files = useQuery(trpc.file.list.queryOptions({ orgSlug, ...query }));
  const remove = useMutation(trpc.file.remove.mutationOptions());

  if (files.isPending)
    return (
      <div role="status" aria-label={`Loading ${label.toLowerCase()}`} className="space-y-2">
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-5 w-1/2" />
      </div>
    );
  if (files.isError) return <ErrorState message={errorMessage(files.error)} onRetry={() => void files.refetch()} />;
  if (files.data.length === 0) return <p className="text-sm text-ink-muted">{emptyText}</p>;

  return (
    <ul aria-label={label} className="divide-y divide-line rounded-md border border-line bg-surface">
      {files.data.map((f) => (
        <li key={f.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
          <div className="min-w-0">
            <a
              href={downloadUrl(orgSlug, f.id)}
              download={f.fileName}
              className="font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {f.fileName}
            </a>
            <p className="text-ink-muted">
              {formatBytes(f.size)} · <LocalTime value={f.createdAt} />
            </p>
          </div>
          {canRemove && f.own ? (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm">
                  Remove<span className="sr-only"> {f.fileName}</span>
                </Button>
              }
              title={`Remove ${f.fileName}?`}
              description="It will no longer be listed or downloadable. The removal is recorded in the audit log."
              confirmLabel="Remove file"
              onConfirm={() =>
                void remove
                  .mutateAsync({ orgSlug, fileId: f.id })
                  .then(() => {
                    toast.success(`${f.fileName} removed`);
                    return qc.invalidateQueries({ queryKey: trpc.file.list.pathKey() });
                  })
                  .catch((err: unknown) => toast.error(errorMessage(err)))
              }
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
