"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import type { ShortlistComment } from "@/server/shortlist/discussion";
import { commentParts, type MentionCandidate } from "@/server/shortlist/mentions";
import { COMMENT_MAX, stageLabel } from "@/server/shortlist/stages";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Button } from "../ui/button";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { Skeleton } from "../ui/skeleton";
import { MentionInput, withMentionTokens } from "./mention-input";

// A side panel with one shortlisted vendor's comments, threaded, and a box to add one (loaded on
// demand: the board does not carry it until someone opens a vendor's comments).

function Body({ c }: { c: ShortlistComment }) {
  const names = new Map(c.mentions.map((m) => [m.id, m.name]));
  return (
    <p className="mt-1 text-sm whitespace-pre-wrap wrap-anywhere text-ink">
      {commentParts(c.body, names).map((p, i) =>
        p.kind === "text" ? (
          <span key={i}>{p.text}</span>
        ) : (
          <span key={i} className="rounded bg-brand-50 px-0.5 font-medium text-brand-800">
            @{p.name}
          </span>
        ),
      )}
    </p>
  );
}

function CommentView({ c, onReply }: { c: ShortlistComment; onReply?: () => void }) {
  return (
    <article aria-label={`Comment by ${c.author?.name ?? "a former member"}`}>
      <p className="text-xs text-ink-muted">
        <span className="font-semibold text-ink">{c.author?.name ?? "A former member"}</span> ·{" "}
        <LocalTime value={c.createdAt} pattern="d MMM yyyy, HH:mm" />
      </p>
      <Body c={c} />
      {onReply ? (
        <button type="button" className="mt-1 text-xs font-medium text-brand-700 underline" onClick={onReply}>
          Reply<span className="sr-only"> to {c.author?.name ?? "this comment"}</span>
        </button>
      ) : null}
    </article>
  );
}

function CommentForm({
  orgSlug,
  entryId,
  vendor,
  replyTo,
  onCancelReply,
  onPosted,
}: {
  orgSlug: string;
  entryId: string;
  vendor: string;
  replyTo: ShortlistComment | null;
  onCancelReply: () => void;
  onPosted: () => void;
}) {
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions({ orgSlug }));
  const candidates: MentionCandidate[] = (members.data ?? []).map((m) => m.user);
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<MentionCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const post = useMutation(
    trpc.shortlist.comment.mutationOptions({
      onSuccess: (r) => {
        setText("");
        setChosen([]);
        setError(null);
        toast.success(
          r.mentions.length
            ? `Comment posted; ${r.mentions.length === 1 ? "1 person was" : `${r.mentions.length} people were`} notified.`
            : "Comment posted.",
        );
        onPosted();
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );
  const submit = () => {
    if (!text.trim()) return setError("Write a comment first.");
    post.mutate({ orgSlug, entryId, body: withMentionTokens(text, chosen), parentId: replyTo?.id ?? null });
  };
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor="shortlist-comment" className="block text-sm font-medium text-ink">
        {replyTo ? `Reply to ${replyTo.author?.name ?? "this comment"}` : `Comment on ${vendor}`}
      </label>
      <MentionInput
        id="shortlist-comment"
        value={text}
        onChange={(v) => {
          setText(v);
          if (error) setError(null);
        }}
        members={candidates}
        chosen={chosen}
        onChoose={(m) => setChosen((c) => [...c, m])}
        describedBy="shortlist-comment-hint"
        placeholder="Type @ to mention a colleague"
        onSubmit={submit}
      />
      <p id="shortlist-comment-hint" className="text-xs text-ink-muted">
        People you mention are notified. Ctrl+Enter sends. At most {COMMENT_MAX.toLocaleString("en")} characters.
      </p>
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        {replyTo ? (
          <Button variant="ghost" size="sm" onClick={onCancelReply}>
            Cancel reply
          </Button>
        ) : null}
        <Button type="submit" size="sm" pending={post.isPending}>
          {replyTo ? "Post reply" : "Post comment"}
        </Button>
      </div>
    </form>
  );
}

export function CommentsPanel({
  orgSlug,
  entryId,
  writer,
  onClose,
}: {
  orgSlug: string;
  entryId: string;
  writer: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.shortlist.comments.queryOptions({ orgSlug, entryId }));
  const [replyTo, setReplyTo] = useState<ShortlistComment | null>(null);
  const vendor = q.data?.entry.vendorName ?? "this vendor";
  const posted = () => {
    setReplyTo(null);
    void qc.invalidateQueries({ queryKey: trpc.shortlist.comments.queryKey({ orgSlug, entryId }) });
    void qc.invalidateQueries({ queryKey: trpc.shortlist.board.pathKey() });
    void qc.invalidateQueries({ queryKey: trpc.shortlist.activity.pathKey() });
  };
  return (
    <Dialog.Root open onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/30" />
        <Dialog.Content className="fixed top-0 right-0 z-50 flex h-dvh w-full max-w-md flex-col border-l border-line bg-surface shadow-xl">
          <div className="flex items-start justify-between gap-3 border-b border-line px-5 py-4">
            <div>
              <Dialog.Title className="text-lg font-semibold text-ink">Comments on {vendor}</Dialog.Title>
              <Dialog.Description className="mt-0.5 text-sm text-ink-muted">
                {q.data ? `In ${stageLabel(q.data.entry.stage)}. ` : ""}Only your organisation sees these.
              </Dialog.Description>
            </div>
            <Dialog.Close asChild>
              <Button variant="ghost" size="sm">
                Close
              </Button>
            </Dialog.Close>
          </div>
          <div className="flex-1 overflow-y-auto px-5 py-4">
            {q.isPending ? (
              <div className="space-y-3" role="status" aria-label="Loading comments">
                <Skeleton className="h-14" />
                <Skeleton className="h-14" />
              </div>
            ) : q.isError ? (
              <ErrorState
                title="The comments could not be loaded"
                message={errorMessage(q.error)}
                onRetry={() => void q.refetch()}
              />
            ) : q.data.comments.length === 0 ? (
              <p className="py-6 text-center text-sm text-ink-muted">
                No comments yet.{writer ? " Start the discussion below." : ""}
              </p>
            ) : (
              <ol className="space-y-5" aria-label="Comments, oldest first">
                {q.data.comments.map((c) => (
                  <li key={c.id}>
                    <CommentView c={c} onReply={writer ? () => setReplyTo(c) : undefined} />
                    {c.replies.length ? (
                      <ol className="mt-3 space-y-3 border-l-2 border-line pl-4" aria-label="Replies">
                        {c.replies.map((r) => (
                          <li key={r.id}>
                            <CommentView c={r} />
                          </li>
                        ))}
                      </ol>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </div>
          {writer && q.data ? (
            <div className="border-t border-line px-5 py-4">
              <CommentForm
                orgSlug={orgSlug}
                entryId={entryId}
                vendor={vendor}
                replyTo={replyTo}
                onCancelReply={() => setReplyTo(null)}
                onPosted={posted}
              />
            </div>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
