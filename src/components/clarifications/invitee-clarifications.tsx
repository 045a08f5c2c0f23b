"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { CLARIFICATION_LIMITS } from "@/server/clarifications/limits";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { Field } from "../ui/field";
import { LocalTime } from "../ui/local-time";
import { TableSkeleton } from "../ui/skeleton";

const AREA =
  "block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm aria-[invalid=true]:border-danger-600";

/**
 * The CDMO's clarifications on an RFP it is invited to: ask while the RFP is open, its own
 * questions with their answers, and every answer the sponsor gave to all invitees.
 */
export function InviteeClarifications({ orgSlug, rfpId, canAsk }: { orgSlug: string; rfpId: string; canAsk: boolean }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.clarification.listAsInvitee.queryOptions({ orgSlug, rfpId }));
  return (
    <Card aria-labelledby="clarifications-heading">
      <CardHeader
        id="clarifications-heading"
        title="Clarifications"
        description="Ask the sponsor a question. Answers for every invitee never say who asked."
      />
      {canAsk ? <AskForm orgSlug={orgSlug} rfpId={rfpId} /> : null}
      {q.isPending ? (
        <CardBody>
          <TableSkeleton label="Loading clarifications" rows={2} />
        </CardBody>
      ) : q.isError ? (
        <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} />
      ) : (
        <CardBody className="space-y-6">
          <section aria-labelledby="my-questions">
            <h3 id="my-questions" className="text-sm font-semibold text-ink">
              Your questions
            </h3>
            {q.data.mine.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">You have not asked anything yet.</p>
            ) : (
              <ol className="mt-2 space-y-3">
                {q.data.mine.map((m) => (
                  <li key={m.id} className="rounded-md border border-line px-3 py-2">
                    <p className="text-xs text-ink-muted">
                      Asked <LocalTime value={m.askedAt} />
                    </p>
                    <p className="mt-1 text-sm whitespace-pre-wrap text-ink">{m.question}</p>
                    {m.answer ? (
                      <div className="mt-2 border-t border-line pt-2">
                        <p className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
                          <Badge tone={m.answer.audience === "ALL" ? "brand" : "neutral"}>
                            {m.answer.audience === "ALL" ? "Answered to every invitee" : "Answered to you only"}
                          </Badge>
                          <LocalTime value={m.answer.answeredAt} />
                        </p>
                        <p className="mt-1 text-sm whitespace-pre-wrap text-ink">{m.answer.answer}</p>
                      </div>
                    ) : (
                      <p className="mt-2 text-sm text-ink-muted">Waiting for the sponsor’s answer.</p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="all-answers">
            <h3 id="all-answers" className="text-sm font-semibold text-ink">
              Answers for every invitee
            </h3>
            {q.data.answers.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">None yet.</p>
            ) : (
              <ol className="mt-2 space-y-3">
                {q.data.answers.map((a) => (
                  <li key={a.id} className="rounded-md border border-line px-3 py-2">
                    <p className="text-xs text-ink-muted">
                      Answered <LocalTime value={a.answeredAt} />
                    </p>
                    <p className="mt-1 text-sm font-medium whitespace-pre-wrap text-ink">{a.question}</p>
                    <p className="mt-1 text-sm whitespace-pre-wrap text-ink">{a.answer}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </CardBody>
      )}
    </Card>
  );
}

function AskForm({ orgSlug, rfpId }: { orgSlug: string; rfpId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ask = useMutation(trpc.clarification.ask.mutationOptions());
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError("Enter your question.");
    setError(undefined);
    try {
      await ask.mutateAsync({ orgSlug, rfpId, question: text });
      setText("");
      toast.success("Question sent to the sponsor.");
      void queryClient.invalidateQueries({ queryKey: trpc.clarification.listAsInvitee.queryKey() });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <CardBody className="border-b border-line">
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-2">
        <Field
          label="Ask a question"
          description="The sponsor sees that your organisation asked. Other invitees never do."
          error={error}
        >
          <textarea
            rows={3}
            className={AREA}
            maxLength={CLARIFICATION_LIMITS.question}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <Button type="submit" size="sm" pending={ask.isPending}>
          {ask.isPending ? "Sending…" : "Send question"}
        </Button>
      </form>
    </CardBody>
  );
}
