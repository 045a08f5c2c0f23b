import { isBlankAnswer, type PriceAnswer, type Question } from "@/server/rfps/content-model";
import { displayAnswer } from "@/server/rfps/matrix";
import { AttachedFiles, fileIdsOf, type FileMeta } from "./file-answer";

const weeks = (n: unknown) => (typeof n === "number" ? `${n} ${n === 1 ? "week" : "weeks"}` : "?");

/** An answer as submitted (or as a colleague saved it), in words: the read-only editor and the conflict panel. */
export function AnswerText({
  question,
  value,
  orgSlug,
  files,
}: {
  question: Question;
  value: unknown;
  orgSlug: string;
  files: ReadonlyMap<string, FileMeta>;
}) {
  if (isBlankAnswer(question, value)) return <p className="text-sm text-ink-muted italic">Not answered</p>;
  if (question.kind === "file")
    return <AttachedFiles orgSlug={orgSlug} ids={fileIdsOf(value)} files={files} label="Attached files" />;
  if (question.kind === "price" && value && typeof value === "object") {
    const p = value as Partial<PriceAnswer>;
    const range = p.minWeeks !== undefined || p.maxWeeks !== undefined;
    return (
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-ink-muted">Price</dt>
        <dd className="text-ink tabular-nums">
          {typeof p.price === "number" ? p.price.toLocaleString("en", { maximumFractionDigits: 2 }) : "?"}
        </dd>
        <dt className="text-ink-muted">Duration</dt>
        <dd className="text-ink">
          {weeks(p.durationWeeks)}
          {range ? ` (${p.minWeeks ?? "?"}–${p.maxWeeks ?? "?"} weeks)` : ""}
        </dd>
        {p.includes ? (
          <>
            <dt className="text-ink-muted">Includes</dt>
            <dd className="whitespace-pre-line text-ink">{p.includes}</dd>
          </>
        ) : null}
      </dl>
    );
  }
  return <p className="text-sm whitespace-pre-line text-ink">{displayAnswer(question, value).display}</p>;
}
