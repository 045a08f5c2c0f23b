"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { toast } from "@/components/ui/toast";
import type { AppRouter } from "@/server/api/root";
import { completeness } from "@/server/rfps/completeness";
import { allQuestions, validateAnswers } from "@/server/rfps/content";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { AnswerSections } from "./answer-sections";
import { normalizeAnswers } from "./answers-merge";
import { CompletenessPanel } from "./completeness-panel";
import { AnswerConflictPanel } from "./conflict-panel";
import { clearStash } from "./draft-store";
import type { FileMeta } from "./file-answer";
import { focusQuestion } from "./question-ids";
import { SaveStatusText } from "./save-status";
import { SubmitDialog } from "./submit-dialog";
import { useAutosave } from "./use-autosave";

export type ResponseData = inferRouterOutputs<AppRouter>["portal"]["response"]["get"];
type Draft = NonNullable<ResponseData["response"]>;

/** The editable draft of the current round: fields, autosave, completeness and submit. */
export function DraftEditor({
  orgSlug,
  data,
  draft,
  canSubmit,
}: {
  orgSlug: string;
  data: ResponseData;
  draft: Draft;
  canSubmit: boolean;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const { content, rfp } = data;
  const auto = useAutosave({ orgSlug, rfpId: rfp.id, round: draft.round, content, draft, editable: true });
  const submit = useMutation(trpc.portal.response.submit.mutationOptions());
  const [files, setFiles] = useState<ReadonlyMap<string, FileMeta>>(
    () => new Map(draft.files.map((f) => [f.id, { id: f.id, fileName: f.fileName, size: f.size }])),
  );
  const [showMissing, setShowMissing] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const questions = useMemo(() => new Map(allQuestions(content).map((x) => [x.question.id, x.question])), [content]);
  const c = useMemo(() => completeness(content, auto.answers), [content, auto.answers]);
  const missing = useMemo(() => new Set(c.missing.map((m) => m.questionId)), [c]);
  const onMeta = useCallback((f: FileMeta) => setFiles((m) => new Map(m).set(f.id, f)), []);

  const ready = () => {
    setShowMissing(true);
    setSubmitError(null);
    const issues = validateAnswers(content, normalizeAnswers(content, auto.answers), "submit");
    if (auto.conflicts.length) {
      setSubmitError("Choose which answers to keep (above) before submitting.");
      return false;
    }
    if (c.missing.length || issues.length) {
      const first = c.missing[0]?.questionId ?? issues[0]!.questionId;
      setSubmitError(
        c.missing.length
          ? `${c.missing.length} required ${c.missing.length === 1 ? "question needs" : "questions need"} an answer before you can submit.`
          : issues[0]!.message,
      );
      focusQuestion(first);
      return false;
    }
    return true;
  };

  const doSubmit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (!(await auto.flush())) {
        setSubmitError(
          "Your latest changes could not be saved, so nothing was submitted. See the save status and try again.",
        );
        return;
      }
      await submit.mutateAsync({ orgSlug, responseId: draft.id, version: auto.versionNow() });
      clearStash(window.localStorage, { orgSlug, rfpId: rfp.id, round: draft.round });
      toast.success("Response submitted. Your receipt is below.");
      await qc.invalidateQueries({ queryKey: trpc.portal.response.get.pathKey() });
      await qc.invalidateQueries({ queryKey: trpc.portal.rfp.pathKey() });
      // The page header (invitation status) is rendered on the server.
      router.refresh();
    } catch (err) {
      setSubmitError(errorMessage(err));
      const field = (err as { data?: { field?: string } }).data?.field;
      if (field?.startsWith("answers.")) focusQuestion(field.slice("answers.".length));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-6">
        {auto.conflicts.length ? (
          <AnswerConflictPanel
            conflicts={auto.conflicts}
            questions={questions}
            answers={auto.answers}
            orgSlug={orgSlug}
            files={files}
            onResolve={auto.resolve}
          />
        ) : null}
        {draft.round > 1 ? (
          <Alert tone="info" title={`Revision round ${draft.round}`}>
            This draft started from the answers you last submitted. Change what the sponsor asked about and submit
            again; round {draft.round - 1} stays as it was (see the rounds above).
          </Alert>
        ) : null}
        <AnswerSections
          content={content}
          answers={auto.answers}
          readOnly={false}
          showMissing={showMissing}
          missing={missing}
          onChange={auto.setAnswer}
          orgSlug={orgSlug}
          responseId={draft.id}
          files={files}
          onMeta={onMeta}
        />
      </div>

      <aside aria-label="Your response" className="lg:sticky lg:top-20 lg:self-start">
        <Card aria-labelledby="progress-heading">
          <CardHeader id="progress-heading" title="Your response" />
          <CardBody className="space-y-4">
            <SaveStatusText status={auto.status} />
            <CompletenessPanel c={c} headingId="completeness" />
            {submitError ? (
              <p role="alert" className="text-sm text-danger-700">
                {submitError}
              </p>
            ) : null}
            {canSubmit ? (
              <SubmitDialog round={draft.round} pending={submitting} onOpen={ready} onConfirm={() => void doSubmit()} />
            ) : (
              <p className="text-sm text-ink-muted">Your role can save this draft; an owner or admin submits it.</p>
            )}
          </CardBody>
        </Card>
      </aside>
    </div>
  );
}
