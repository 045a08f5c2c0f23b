"use client";

import type { ReactNode } from "react";
import { FieldError } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { Question } from "@/server/rfps/content";
import { answerDomId, questionDomId } from "./question-ids";

/** "Required" in words beside the prompt (screen readers read it as part of the label). */
export function RequiredMark({ required }: { required: boolean }) {
  if (!required) return null;
  return <span className="ml-2 align-middle text-xs font-semibold text-danger-700">Required</span>;
}

export const helpId = (q: Question) => `${answerDomId(q.id)}-help`;
export const errorId = (q: Question, part = "answer") => `${answerDomId(q.id)}-error-${part}`;

/**
 * One question: its number, prompt, help and the control(s). Grouped controls (choices, price
 * lines, files) are a fieldset whose legend is the prompt; a single control gets a <label>.
 */
export function QuestionShell({
  question,
  index,
  group,
  missing,
  children,
}: {
  question: Question;
  index: number;
  /** "fieldset" for grouped controls, "label" for one control, "static" for an answer in words. */
  group: "fieldset" | "label" | "static";
  /** Shown after a submit attempt for a required question with no valid answer. */
  missing?: string;
  children: ReactNode;
}) {
  const prompt = (
    <>
      <span className="mr-2 text-ink-muted" aria-hidden>
        {index}.
      </span>
      <span className="whitespace-pre-line">{question.prompt}</span>
      <RequiredMark required={question.required} />
    </>
  );
  const head = "text-sm font-medium text-ink";
  const help = question.help ? (
    <p id={helpId(question)} className="mt-1 text-sm whitespace-pre-line text-ink-muted">
      {question.help}
    </p>
  ) : null;
  const body = (
    <>
      {help}
      <div className="mt-3">{children}</div>
      <FieldError id={errorId(question, "missing")} message={missing} />
    </>
  );
  return (
    <div
      id={questionDomId(question.id)}
      data-question={question.id}
      data-kind={question.kind}
      className={cn("scroll-mt-28 px-5 py-4", missing && "border-l-4 border-danger-600 bg-danger-50/40")}
    >
      {group === "fieldset" ? (
        <fieldset>
          <legend className={head}>{prompt}</legend>
          {body}
        </fieldset>
      ) : group === "static" ? (
        <>
          <p className={head}>{prompt}</p>
          {body}
        </>
      ) : (
        <>
          <label htmlFor={answerDomId(question.id)} className={cn("block", head)}>
            {prompt}
          </label>
          {body}
        </>
      )}
    </div>
  );
}

/** aria-describedby for a control: the help text and whichever message applies. */
export function describedBy(q: Question, ...messageIds: (string | false | undefined)[]): string | undefined {
  return [q.help ? helpId(q) : undefined, ...messageIds].filter(Boolean).join(" ") || undefined;
}
