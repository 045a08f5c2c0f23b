import { QUESTION_KIND_LABELS, type QuestionKind } from "@/server/rfps/content-model";
import { stageLabel } from "@/server/vendors/catalog";

export type PreviewSection = {
  title: string;
  description?: string | null;
  questions: { prompt: string; kind: string; required: boolean; stage?: string }[];
};

/**
 * The sections an RFP will start with, each folded (a native <details>, so keyboard and screen
 * readers work without script). Price lines are shown for the stages in scope, as created.
 */
export function SectionsPreview({
  sections,
  stages,
  label,
  note,
}: {
  sections: PreviewSection[];
  stages: string[];
  label: string;
  /** A sentence after the counts (the new-RFP page says everything stays editable). */
  note?: string;
}) {
  const scope = new Set(stages);
  const total = sections.reduce((n, s) => n + s.questions.filter((q) => q.kind !== "price").length, 0);
  return (
    <section aria-label={label} className="space-y-2">
      <p className="text-sm text-ink-muted">
        {sections.length} {sections.length === 1 ? "section" : "sections"}, {total} questions and a price line for each
        of the {stages.length} {stages.length === 1 ? "stage" : "stages"} in scope.{note ? ` ${note}` : ""}
      </p>
      <ul className="divide-y divide-line rounded-md border border-line">
        {sections.map((s, i) => {
          const questions = s.questions.filter((q) => q.kind !== "price");
          const hasPrices = s.questions.some((q) => q.kind === "price");
          return (
            <li key={`${s.title}-${i}`}>
              <details className="group px-3 py-2">
                <summary className="cursor-pointer text-sm font-medium text-ink">
                  {s.title}{" "}
                  <span className="font-normal text-ink-muted">
                    ({questions.length} {questions.length === 1 ? "question" : "questions"}
                    {hasPrices ? `, ${stages.length} price ${stages.length === 1 ? "line" : "lines"}` : ""})
                  </span>
                </summary>
                {s.description ? <p className="mt-1 text-xs text-ink-muted">{s.description}</p> : null}
                <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-ink">
                  {hasPrices
                    ? [...scope].map((st) => (
                        <li key={`price-${st}`}>
                          {stageLabel(st)}: price and duration{" "}
                          <span className="text-xs text-ink-muted">(price line, required)</span>
                        </li>
                      ))
                    : null}
                  {questions.map((q, qi) => (
                    <li key={qi}>
                      {q.prompt}{" "}
                      <span className="text-xs text-ink-muted">
                        ({QUESTION_KIND_LABELS[q.kind as QuestionKind] ?? q.kind}
                        {q.required ? ", required" : ""})
                      </span>
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
