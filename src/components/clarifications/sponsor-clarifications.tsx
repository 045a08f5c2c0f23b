"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { CLARIFICATION_LIMITS } from "@/server/clarifications/limits";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { FormError } from "../forms/form-error";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Field } from "../ui/field";
import { LocalTime } from "../ui/local-time";
import { TableSkeleton } from "../ui/skeleton";

const AREA =
  "block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm aria-[invalid=true]:border-danger-600";

type Question = {
  id: string;
  question: string;
  askedAt: Date;
  askedBy: string;
  answer: {
    question: string;
    answer: string;
    audience: "ALL" | "PRIVATE";
    answeredAt: Date;
    answeredBy: string | null;
  } | null;
};

/** The sponsor's clarifications: who asked what, and an answer form for each open question. */
export function SponsorClarifications({
  orgSlug,
  rfpId,
  canAnswer,
}: {
  orgSlug: string;
  rfpId: string;
  canAnswer: boolean;
}) {
  const trpc = useTRPC();
  const q = useQuery(trpc.clarification.list.queryOptions({ orgSlug, rfpId }));
  return (
    <Card aria-labelledby="clarifications-heading">
      <CardHeader
        id="clarifications-heading"
        title="Clarifications"
        description="Questions from invited CDMOs. You see who asked; an answer to every invitee never says who."
        actions={q.data?.unanswered ? <Badge tone="warning">{q.data.unanswered} to answer</Badge> : null}
      />
      {q.isPending ? (
        <CardBody>
          <TableSkeleton label="Loading questions" rows={2} />
        </CardBody>
      ) : q.isError ? (
        <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} />
      ) : q.data.questions.length === 0 ? (
        <EmptyState title="No questions yet" description="Questions invited CDMOs ask about this RFP appear here." />
      ) : (
        <ol className="divide-y divide-line">
          {q.data.questions.map((item) => (
            <li key={item.id} className="px-5 py-4">
              <QuestionItem orgSlug={orgSlug} item={item} canAnswer={canAnswer} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function QuestionItem({ orgSlug, item, canAnswer }: { orgSlug: string; item: Question; canAnswer: boolean }) {
  return (
    <article aria-label={`Question from ${item.askedBy}`} className="space-y-2">
      <p className="text-xs text-ink-muted">
        {item.askedBy} asked on <LocalTime value={item.askedAt} />
      </p>
      <p className="text-sm whitespace-pre-wrap text-ink">{item.question}</p>
      {item.answer ? (
        <div className="rounded-md border border-line bg-canvas px-3 py-2">
          <p className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
            <Badge tone={item.answer.audience === "ALL" ? "brand" : "neutral"}>
              {item.answer.audience === "ALL" ? "Answered to every invitee" : "Answered privately"}
            </Badge>
            <span>
              {item.answer.answeredBy ? `${item.answer.answeredBy}, ` : ""}
              <LocalTime value={item.answer.answeredAt} />
            </span>
          </p>
          {item.answer.audience === "ALL" && item.answer.question !== item.question ? (
            <p className="mt-2 text-sm text-ink-muted">
              <span className="font-medium text-ink">Shown as: </span>
              {item.answer.question}
            </p>
          ) : null}
          <p className="mt-2 text-sm whitespace-pre-wrap text-ink">{item.answer.answer}</p>
        </div>
      ) : canAnswer ? (
        <AnswerForm orgSlug={orgSlug} item={item} />
      ) : (
        <p className="text-sm text-ink-muted">Not answered yet.</p>
      )}
    </article>
  );
}

function AnswerForm({ orgSlug, item }: { orgSlug: string; item: Question }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const answer = useMutation(trpc.clarification.answer.mutationOptions());
  const [audience, setAudience] = useState<"ALL" | "PRIVATE">("ALL");
  const [question, setQuestion] = useState(item.question);
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<{ answer?: string; question?: string; root?: string }>({});

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setErrors({ answer: "Enter the answer." });
    if (audience === "ALL" && !question.trim())
      return setErrors({ question: "Enter the question as invitees will read it." });
    setErrors({});
    try {
      await answer.mutateAsync({
        orgSlug,
        clarificationId: item.id,
        answer: text,
        audience,
        ...(audience === "ALL" ? { question } : {}),
      });
      toast.success(audience === "ALL" ? "Answer sent to every invitee." : "Answer sent to the CDMO that asked.");
      void queryClient.invalidateQueries({ queryKey: trpc.clarification.list.queryKey() });
    } catch (err) {
      const field = (err as { data?: { field?: string } })?.data?.field;
      setErrors(
        field === "question" || field === "answer" ? { [field]: errorMessage(err) } : { root: errorMessage(err) },
      );
    }
  };

  const name = `audience-${item.id}`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-3">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-ink">Who sees the answer</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} checked={audience === "ALL"} onChange={() => setAudience("ALL")} />
          Every invitee (the question is shown without who asked)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} checked={audience === "PRIVATE"} onChange={() => setAudience("PRIVATE")} />
          Only {item.askedBy}
        </label>
      </fieldset>
      {audience === "ALL" ? (
        <Field
          label="Question as every invitee will read it"
          description="Take out anything that would tell others who asked."
          error={errors.question}
        >
          <textarea
            rows={2}
            className={AREA}
            maxLength={CLARIFICATION_LIMITS.question}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
        </Field>
      ) : null}
      <Field label="Answer" error={errors.answer}>
        <textarea
          rows={3}
          className={AREA}
          maxLength={CLARIFICATION_LIMITS.answer}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <FormError message={errors.root} />
      <Button type="submit" size="sm" pending={answer.isPending}>
        {answer.isPending ? "Sending…" : "Send answer"}
      </Button>
    </form>
  );
}
