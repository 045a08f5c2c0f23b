"use client";

import type { Question } from "@/server/rfps/content";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FileMeta } from "./file-answer";
import { focusQuestion } from "./question-ids";
import { AnswerText } from "./read-only-answer";
import type { Conflict } from "./use-autosave";

/**
 * A colleague saved this draft while it was being edited here, and changed some of the same
 * answers. What was typed here stays in the fields; their answer is shown beside it, and the
 * person keeps theirs or takes the colleague's, question by question. Nothing is saved until
 * every one is settled. (Answers only one side changed were merged already.)
 */
export function AnswerConflictPanel({
  conflicts,
  questions,
  answers,
  orgSlug,
  files,
  onResolve,
}: {
  conflicts: Conflict[];
  questions: ReadonlyMap<string, Question>;
  answers: Record<string, unknown>;
  orgSlug: string;
  files: ReadonlyMap<string, FileMeta>;
  onResolve: (questionId: string, choice: "mine" | "theirs") => void;
}) {
  return (
    <Alert tone="warning" title="A colleague saved this response while you were editing">
      <p>
        Their other changes are merged in.{" "}
        {conflicts.length === 1 ? "One answer was" : `${conflicts.length} answers were`} changed by both of you: your
        text is kept in the form; choose for each which to keep. Autosave waits until you have.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="primary" onClick={() => conflicts.forEach((c) => onResolve(c.questionId, "mine"))}>
          Keep all mine
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => conflicts.forEach((c) => onResolve(c.questionId, "theirs"))}
        >
          Take all theirs
        </Button>
      </div>
      <ul className="mt-3 space-y-3">
        {conflicts.map((c) => {
          const q = questions.get(c.questionId);
          if (!q) return null;
          return (
            <li key={c.questionId} className="rounded-md border border-warning-800/30 bg-surface p-3 text-ink">
              <p className="font-medium">
                <a
                  href={`#question-${q.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusQuestion(q.id);
                  }}
                  className="text-brand-700 underline-offset-2 hover:underline"
                >
                  {q.prompt}
                </a>
              </p>
              <div className="mt-2 grid gap-3 md:grid-cols-2">
                <div>
                  <p className="text-xs font-semibold text-ink-muted uppercase">Yours (in the form)</p>
                  <AnswerText question={q} value={answers[q.id]} orgSlug={orgSlug} files={files} />
                </div>
                <div>
                  <p className="text-xs font-semibold text-ink-muted uppercase">Your colleague&apos;s</p>
                  <AnswerText question={q} value={c.theirs} orgSlug={orgSlug} files={files} />
                </div>
              </div>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button size="sm" variant="secondary" onClick={() => onResolve(q.id, "mine")}>
                  Keep mine<span className="sr-only"> for this question</span>
                </Button>
                <Button size="sm" variant="secondary" onClick={() => onResolve(q.id, "theirs")}>
                  Take theirs<span className="sr-only"> for this question</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
