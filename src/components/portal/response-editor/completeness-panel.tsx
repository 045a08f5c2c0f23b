"use client";

import type { Completeness } from "@/server/rfps/completeness";
import { focusQuestion, questionDomId } from "./question-ids";

const short = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** How far the response is: required answers given, a bar, and the missing ones as links to their fields. */
export function CompletenessPanel({ c, headingId }: { c: Completeness; headingId: string }) {
  const done = c.missing.length === 0;
  return (
    <div className="space-y-3">
      <p className="text-sm text-ink" id={`${headingId}-summary`}>
        <span className="font-semibold">
          {c.requiredAnswered} of {c.requiredTotal}
        </span>{" "}
        required {c.requiredTotal === 1 ? "question" : "questions"} answered
        <span className="text-ink-muted">
          {" "}
          · {c.answeredTotal} of {c.total} in all
        </span>
      </p>
      <div
        role="progressbar"
        aria-labelledby={`${headingId}-summary`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={c.percent}
        aria-valuetext={`${c.percent}%`}
        className="h-2 overflow-hidden rounded-full bg-line"
      >
        <div className={done ? "h-full bg-success-700" : "h-full bg-brand-600"} style={{ width: `${c.percent}%` }} />
      </div>
      {done ? (
        <p className="text-sm text-success-700">Every required question is answered.</p>
      ) : (
        <div>
          <p className="text-sm font-medium text-ink">Still missing</p>
          <ul className="mt-1 max-h-64 space-y-1 overflow-y-auto pr-1 text-sm">
            {c.missing.map((m) => (
              <li key={m.questionId}>
                <a
                  href={`#${questionDomId(m.questionId)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusQuestion(m.questionId);
                  }}
                  className="text-brand-700 underline-offset-2 hover:underline"
                >
                  {short(m.prompt)}
                </a>
                {m.reason === "invalid" ? <span className="text-warning-800"> (needs correcting)</span> : null}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
