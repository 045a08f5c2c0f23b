"use client";

import type { RfpContent } from "@/server/rfps/content";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { FileMeta } from "./file-answer";
import { QuestionField, type Update } from "./question-field";

const noop = () => {};
const NONE: ReadonlySet<string> = new Set();

/** The RFP's sections with one field (or read-only answer) per question, numbered through the document. */
export function AnswerSections({
  content,
  answers,
  readOnly,
  showMissing = false,
  missing = NONE,
  onChange = noop,
  orgSlug,
  responseId,
  files,
  onMeta = noop,
}: {
  content: RfpContent;
  answers: Record<string, unknown>;
  readOnly: boolean;
  showMissing?: boolean;
  missing?: ReadonlySet<string>;
  onChange?: (questionId: string, update: Update) => void;
  orgSlug: string;
  responseId: string;
  files: ReadonlyMap<string, FileMeta>;
  onMeta?: (f: FileMeta) => void;
}) {
  if (!content.sections.some((s) => s.questions.length))
    return (
      <Card>
        <EmptyState title="No questions" description="The sponsor has not asked any questions in this RFP." />
      </Card>
    );
  let n = 0;
  return (
    <div className="space-y-6">
      {content.sections.map((s) => (
        <Card key={s.id} aria-labelledby={`answers-section-${s.id}`}>
          <CardHeader id={`answers-section-${s.id}`} title={s.title} description={s.description} />
          <ol className="divide-y divide-line">
            {s.questions.map((q) => {
              n += 1;
              return (
                <li key={q.id}>
                  <QuestionField
                    question={q}
                    index={n}
                    value={answers[q.id]}
                    onChange={onChange}
                    readOnly={readOnly}
                    showMissing={showMissing}
                    missing={missing.has(q.id)}
                    orgSlug={orgSlug}
                    responseId={responseId}
                    files={files}
                    onMeta={onMeta}
                  />
                </li>
              );
            })}
          </ol>
        </Card>
      ))}
    </div>
  );
}
