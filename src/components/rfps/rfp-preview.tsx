"use client";

import { useId } from "react";
import type { Question, RfpContent } from "@/server/rfps/content";
import { formatInZone } from "@/server/rfps/time-zone";
import { STAGES } from "@/server/vendors/catalog";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

const stageLabel = (code: string) => STAGES.find((s) => s.code === code)?.label ?? code;
const box = "block w-full rounded-md border border-line-strong bg-canvas px-3 text-sm text-ink-muted";

/**
 * The RFP as an invited CDMO reads it: title, summary, due date in the reader's zone, the stages
 * to price, and every question with the answer field it will get (disabled here). The weights
 * and sealed settings are the sponsor's and are not shown.
 */
export function RfpPreview({
  title,
  summary,
  stages,
  dueAt,
  readerZone,
  content,
}: {
  title: string;
  summary: string | null;
  stages: readonly string[];
  dueAt: Date | null;
  readerZone: string;
  content: RfpContent;
}) {
  const total = content.sections.reduce((n, s) => n + s.questions.length, 0);
  const required = content.sections.reduce((n, s) => n + s.questions.filter((q) => q.required).length, 0);
  return (
    <div className="space-y-4">
      <Card>
        <CardBody className="space-y-2">
          <h2 className="text-xl font-semibold text-ink">{title.trim() || "Untitled RFP"}</h2>
          {summary ? <p className="text-sm whitespace-pre-line text-ink">{summary}</p> : null}
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-ink-muted">Due</dt>
            <dd className="text-ink">
              {dueAt && !Number.isNaN(dueAt.getTime()) ? formatInZone(dueAt, readerZone) : "Not set yet"}
            </dd>
            <dt className="text-ink-muted">Stages to price</dt>
            <dd className="text-ink">{stages.length ? stages.map(stageLabel).join(", ") : "None chosen"}</dd>
            <dt className="text-ink-muted">Questions</dt>
            <dd className="text-ink">
              {total} ({required} required)
            </dd>
          </dl>
        </CardBody>
      </Card>
      {content.sections.length === 0 ? (
        <Card>
          <EmptyState title="Nothing to answer yet" description="Add a section and questions to see them here." />
        </Card>
      ) : (
        content.sections.map((s, si) => (
          <Card key={s.id} aria-labelledby={`preview-${s.id}`}>
            <div className="border-b border-line px-5 py-3">
              <h3 id={`preview-${s.id}`} className="text-base font-semibold text-ink">
                {si + 1}. {s.title.trim() || "Untitled section"}
              </h3>
              {s.description ? (
                <p className="mt-1 text-sm whitespace-pre-line text-ink-muted">{s.description}</p>
              ) : null}
            </div>
            <ol className="divide-y divide-line">
              {s.questions.map((q, qi) => (
                <li key={q.id} className="px-5 py-4">
                  <PreviewQuestion q={q} number={`${si + 1}.${qi + 1}`} />
                </li>
              ))}
            </ol>
          </Card>
        ))
      )}
    </div>
  );
}

function PreviewQuestion({ q, number }: { q: Question; number: string }) {
  const id = useId();
  const prompt = q.prompt.trim() || "Untitled question";
  return (
    <div className="space-y-2">
      <p id={id} className="text-sm font-medium text-ink">
        <span className="mr-1 text-ink-muted">{number}</span> {prompt}{" "}
        {q.required ? <Badge tone="brand">Required</Badge> : <span className="text-xs text-ink-muted">(optional)</span>}
      </p>
      {q.help ? <p className="text-xs whitespace-pre-line text-ink-muted">{q.help}</p> : null}
      <AnswerField q={q} labelledBy={id} />
    </div>
  );
}

function AnswerField({ q, labelledBy }: { q: Question; labelledBy: string }) {
  switch (q.kind) {
    case "text":
      return <textarea disabled rows={3} aria-labelledby={labelledBy} className={`${box} py-2`} />;
    case "yesno":
      return (
        <div role="radiogroup" aria-labelledby={labelledBy} className="flex gap-4 text-sm text-ink-muted">
          {["Yes", "No"].map((o) => (
            <label key={o} className="flex items-center gap-2">
              <input type="radio" disabled /> {o}
            </label>
          ))}
        </div>
      );
    case "number":
      return (
        <div className="flex items-center gap-2">
          <input type="number" disabled aria-labelledby={labelledBy} className={`${box} h-10 max-w-40`} />
          <span className="text-sm text-ink-muted">{q.unit}</span>
          {q.min !== undefined || q.max !== undefined ? (
            <span className="text-xs text-ink-muted">
              {q.min !== undefined && q.max !== undefined
                ? `between ${q.min} and ${q.max}`
                : q.min !== undefined
                  ? `at least ${q.min}`
                  : `at most ${q.max}`}
            </span>
          ) : null}
        </div>
      );
    case "single":
    case "multi":
      return (
        <div
          role={q.kind === "single" ? "radiogroup" : "group"}
          aria-labelledby={labelledBy}
          className="space-y-1 text-sm text-ink-muted"
        >
          {q.options.map((o, i) => (
            <label key={i} className="flex items-center gap-2">
              <input type={q.kind === "single" ? "radio" : "checkbox"} disabled /> {o || "(empty option)"}
            </label>
          ))}
        </div>
      );
    case "file":
      return (
        <p className="rounded-md border border-dashed border-line-strong bg-canvas px-3 py-3 text-sm text-ink-muted">
          Upload files{q.accept?.length ? ` (${q.accept.map((t) => `.${t}`).join(", ")})` : ""}
        </p>
      );
    case "price":
      return (
        <div className="space-y-2 rounded-md border border-line bg-canvas px-3 py-3 text-sm text-ink-muted">
          <p>Price line for {q.stage ? stageLabel(q.stage) : "a stage"}</p>
          <div className="grid gap-2 sm:grid-cols-4">
            {["Price", "Duration (weeks)", "Shortest (weeks)", "Longest (weeks)"].map((l) => (
              <label key={l} className="space-y-1 text-xs">
                <span className="block">{l}</span>
                <input type="number" disabled className={`${box} h-9`} />
              </label>
            ))}
          </div>
          <label className="block space-y-1 text-xs">
            <span className="block">What is included</span>
            <textarea disabled rows={2} className={`${box} py-2`} />
          </label>
        </div>
      );
  }
}
