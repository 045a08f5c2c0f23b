"use client";

import { useState } from "react";
import { allQuestions, type RfpContent } from "@/server/rfps/content-model";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sameAnswer } from "./answers-merge";
import { clearStash, readStash, type DraftKey } from "./draft-store";
import type { FileMeta } from "./file-answer";
import { AnswerText } from "./read-only-answer";

const NO_FILES: ReadonlyMap<string, FileMeta> = new Map();

/**
 * Edits this device kept for a response that can no longer change (a colleague submitted it, or
 * the due date passed before they reached the server). They cannot be saved any more, but they
 * are the person's words: shown here to copy, until dismissed.
 */
export function StrandedEdits({
  draftKey,
  responseId,
  content,
  answers,
}: {
  draftKey: DraftKey;
  responseId: string;
  content: RfpContent;
  answers: Record<string, unknown>;
}) {
  const [changed, setChanged] = useState(() => {
    try {
      const stash = readStash(window.localStorage, draftKey);
      if (!stash || stash.responseId !== responseId) return [];
      return allQuestions(content)
        .map((x) => x.question)
        .filter((q) => !sameAnswer(q, stash.answers[q.id], answers[q.id]))
        .map((q) => ({ q, value: stash.answers[q.id] }));
    } catch {
      return [];
    }
  });
  if (!changed.length) return null;
  return (
    <Alert tone="warning" title="Changes on this device were never saved">
      <p>
        This response can no longer change, and these edits had not reached the server. Copy anything you still need;
        they are not part of what was submitted.
      </p>
      <ul className="mt-2 space-y-2">
        {changed.map(({ q, value }) => (
          <li key={q.id} className="rounded-md border border-warning-800/30 bg-surface p-3 text-ink">
            <p className="font-medium">{q.prompt}</p>
            <AnswerText question={q} value={value} orgSlug={draftKey.orgSlug} files={NO_FILES} />
          </li>
        ))}
      </ul>
      <Button
        size="sm"
        variant="ghost"
        className="mt-2"
        onClick={() => {
          clearStash(window.localStorage, draftKey);
          setChanged([]);
        }}
      >
        Discard these edits
      </Button>
    </Alert>
  );
}
