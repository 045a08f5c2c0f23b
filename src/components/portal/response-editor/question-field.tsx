"use client";

import { memo, useState } from "react";
import type { Question } from "@/server/rfps/content";
import { FieldError } from "@/components/ui/field";
import { YesNoAnswer, MultiAnswer, SingleAnswer } from "./choice-answers";
import { answerIssues } from "./field-values";
import { FileAnswer, type FileMeta } from "./file-answer";
import { PriceAnswer } from "./price-answer";
import { describedBy, errorId, QuestionShell } from "./question-shell";
import { AnswerText } from "./read-only-answer";
import { NumberAnswer, TextAnswer } from "./text-number-answers";

export type Update = unknown | ((prev: unknown) => unknown);

type Props = {
  question: Question;
  index: number;
  value: unknown;
  onChange: (questionId: string, update: Update) => void;
  readOnly: boolean;
  /** After a submit attempt: say so beside each required question still missing. */
  showMissing: boolean;
  missing: boolean;
  orgSlug: string;
  responseId: string;
  files: ReadonlyMap<string, FileMeta>;
  onMeta: (f: FileMeta) => void;
};

const GROUPED = new Set<Question["kind"]>(["yesno", "single", "multi", "price", "file"]);

/**
 * One question as an input of its kind, or its answer in words when read-only. The messages are
 * the domain's submit checks (answerIssues), shown once the person has left the question or tried
 * to submit, so a half-typed price line is not scolded mid-keystroke.
 */
export const QuestionField = memo(function QuestionField(p: Props) {
  const { question: q } = p;
  const [touched, setTouched] = useState(false);
  const issues = p.readOnly ? {} : answerIssues(q, p.value);
  const show = touched || p.showMissing;
  const shown = show ? issues : {};
  const missing =
    !p.readOnly && p.showMissing && p.missing && !Object.keys(issues).length ? "This question is required." : undefined;
  const whole = shown.answer;
  const described = describedBy(q, whole && errorId(q), missing && errorId(q, "missing"));
  const onChange = (u: Update) => p.onChange(q.id, u);
  const common = { value: p.value, onChange, describedBy: described, invalid: !!whole || !!missing };

  let control: React.ReactNode;
  if (p.readOnly) control = <AnswerText question={q} value={p.value} orgSlug={p.orgSlug} files={p.files} />;
  else
    switch (q.kind) {
      case "text":
        control = <TextAnswer question={q} {...common} />;
        break;
      case "number":
        control = <NumberAnswer question={q} {...common} />;
        break;
      case "yesno":
        control = <YesNoAnswer question={q} {...common} />;
        break;
      case "single":
        control = <SingleAnswer question={q} {...common} />;
        break;
      case "multi":
        control = <MultiAnswer question={q} {...common} />;
        break;
      case "price":
        control = (
          <PriceAnswer question={q} value={p.value} onChange={onChange} issues={shown} describedBy={described} />
        );
        break;
      case "file":
        control = (
          <FileAnswer
            orgSlug={p.orgSlug}
            responseId={p.responseId}
            question={q}
            value={p.value}
            onChange={onChange}
            files={p.files}
            onMeta={p.onMeta}
          />
        );
        break;
    }

  return (
    <div onBlur={() => setTouched(true)}>
      <QuestionShell
        question={q}
        index={p.index}
        group={p.readOnly ? "static" : GROUPED.has(q.kind) ? "fieldset" : "label"}
        missing={missing}
      >
        {control}
        {q.kind !== "price" ? <FieldError id={errorId(q)} message={whole} /> : null}
      </QuestionShell>
    </div>
  );
});
