import { QUESTION_KIND_LABELS, type Question, type RfpContent } from "@/server/rfps/content-model";
import { stageLabel } from "@/server/vendors/catalog";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";

/** The RFP's sections and questions as the invitee reads them (answers go in the response editor). */
export function RfpDocument({ content }: { content: RfpContent }) {
  if (content.sections.length === 0) {
    return (
      <Card>
        <EmptyState title="No questions" description="The sponsor has not added any questions to this RFP." />
      </Card>
    );
  }
  let n = 0;
  return (
    <div className="space-y-6">
      {content.sections.map((s) => (
        <Card key={s.id} aria-labelledby={`section-${s.id}`}>
          <CardHeader id={`section-${s.id}`} title={s.title} description={s.description} />
          <ol className="divide-y divide-line">
            {s.questions.map((q) => {
              n += 1;
              return (
                <li key={q.id} className="flex gap-3 px-5 py-4">
                  <span className="w-6 shrink-0 text-sm font-semibold text-ink-muted" aria-hidden>
                    {n}.
                  </span>
                  <div className="min-w-0 space-y-1.5">
                    <p className="text-sm font-medium whitespace-pre-line text-ink">
                      {q.prompt}
                      {q.required ? (
                        <span className="ml-2 align-middle text-xs font-normal text-danger-700">Required</span>
                      ) : null}
                    </p>
                    {q.help ? <p className="text-sm whitespace-pre-line text-ink-muted">{q.help}</p> : null}
                    <div className="flex flex-wrap items-center gap-1.5 text-xs text-ink-muted">
                      <Badge>{QUESTION_KIND_LABELS[q.kind]}</Badge>
                      <QuestionDetail q={q} />
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </Card>
      ))}
    </div>
  );
}

function QuestionDetail({ q }: { q: Question }) {
  switch (q.kind) {
    case "number":
      return (
        <span>
          in {q.unit || "units"}
          {q.min !== undefined ? `, at least ${q.min}` : ""}
          {q.max !== undefined ? `, at most ${q.max}` : ""}
        </span>
      );
    case "single":
    case "multi":
      return <span>{`${q.kind === "single" ? "One of" : "Any of"}: ${q.options.join(" · ")}`}</span>;
    case "file":
      return q.accept?.length ? <span>{q.accept.map((t) => t.toUpperCase()).join(", ")}</span> : null;
    case "price":
      return <span>{stageLabel(q.stage)}: price, duration in weeks (optional range) and what is included</span>;
    case "text":
      return q.maxLength ? <span>up to {q.maxLength.toLocaleString("en-GB")} characters</span> : null;
    default:
      return null;
  }
}
