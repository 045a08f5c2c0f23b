"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Field } from "../ui/field";
import { LocalTime } from "../ui/local-time";
import { errorCode, errorMessage } from "../forms/server-errors";
import { ChipsInput } from "./chips-input";
import type { VendorDetail } from "./types";

const HINT = "Only your organisation sees these.";

/** The sponsor's private notes and tags on a vendor (never shown to the CDMO or other sponsors). */
export function NotesTagsPanel({
  orgSlug,
  detail,
  canWrite,
}: {
  orgSlug: string;
  detail: VendorDetail;
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const vendorId = detail.vendor.id;
  const addNote = useMutation(trpc.vendors.addNote.mutationOptions());
  const removeNote = useMutation(trpc.vendors.removeNote.mutationOptions());
  const setTags = useMutation(trpc.vendors.setTags.mutationOptions());
  const allTags = useQuery({ ...trpc.vendors.allTags.queryOptions({ orgSlug }), enabled: canWrite });
  // Tags show the change at once; the server's list replaces it when the refetch lands.
  const serverTags = detail.tags.join("\u0000");
  const [seenTags, setSeenTags] = useState(serverTags);
  const [tags, setLocalTags] = useState(detail.tags);
  // The tags the server last confirmed: sent with each change, so a change made meanwhile by
  // someone else is a conflict to reload, not silently overwritten.
  const [confirmed, setConfirmed] = useState(detail.tags);
  if (serverTags !== seenTags) {
    setSeenTags(serverTags);
    setLocalTags(detail.tags);
    setConfirmed(detail.tags);
  }
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.vendors.pathKey() });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return setError("Write something first.");
    try {
      await addNote.mutateAsync({ orgSlug, vendorId, body });
      setBody("");
      setError(undefined);
      toast.success("Note added");
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const saveTags = async (next: string[]) => {
    setLocalTags(next);
    try {
      const saved = await setTags.mutateAsync({ orgSlug, vendorId, tags: next, expectedTags: confirmed });
      setConfirmed(saved.tags);
      await refresh();
    } catch (err) {
      setLocalTags(confirmed);
      if (errorCode(err) === "CONFLICT") {
        toast.error(errorMessage(err), {
          action: { label: "Reload", onClick: () => void refresh() },
          duration: Infinity,
        });
      } else {
        toast.error(errorMessage(err));
      }
    }
  };

  return (
    <div className="space-y-6">
      <Card aria-labelledby="tags-heading">
        <CardHeader id="tags-heading" title="Tags" description={HINT} />
        <CardBody>
          <ChipsInput
            label="Tags on this vendor"
            value={tags}
            onChange={(t) => void saveTags(t)}
            suggestions={allTags.data ?? []}
            disabled={!canWrite}
            maxLength={40}
            placeholder="e.g. shortlist-2026"
            description="Tags can be used as directory filters."
          />
        </CardBody>
      </Card>
      <Card aria-labelledby="notes-heading">
        <CardHeader id="notes-heading" title="Private notes" description={HINT} />
        {detail.notes.length ? (
          <ul className="divide-y divide-line">
            {detail.notes.map((n) => (
              <li key={n.id} className="px-5 py-3">
                <p className="text-sm whitespace-pre-wrap text-ink">{n.body}</p>
                <div className="mt-1 flex items-center justify-between gap-2 text-xs text-ink-muted">
                  <span>
                    {n.authorName ?? "A colleague"} · <LocalTime value={n.createdAt} />
                  </span>
                  {n.isMine ? (
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm">
                          Delete<span className="sr-only"> note</span>
                        </Button>
                      }
                      title="Delete this note?"
                      description="Your colleagues will no longer see it. This cannot be undone."
                      confirmLabel="Delete note"
                      onConfirm={() =>
                        void removeNote
                          .mutateAsync({ orgSlug, noteId: n.id })
                          .then(refresh)
                          .catch((err) => toast.error(errorMessage(err)))
                      }
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-5 pt-4 text-sm text-ink-muted">No notes yet.</p>
        )}
        {canWrite ? (
          <CardBody>
            <form onSubmit={submit} noValidate className="space-y-2">
              <Field label="New note" error={error}>
                <textarea
                  rows={3}
                  value={body}
                  maxLength={5000}
                  onChange={(e) => setBody(e.target.value)}
                  className="block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm"
                />
              </Field>
              <Button type="submit" size="sm" variant="primary" pending={addNote.isPending}>
                Add note
              </Button>
            </form>
          </CardBody>
        ) : null}
      </Card>
    </div>
  );
}
