"use client";

import { useMemo } from "react";
import type { RfpContent } from "@/server/rfps/content";
import { Alert } from "@/components/ui/alert";
import { LocalTime } from "@/components/ui/local-time";
import { AnswerSections } from "./answer-sections";
import type { ResponseData } from "./draft-editor";
import { ReceiptCard } from "./receipt-card";
import { StrandedEdits } from "./stranded-edits";

type Response = NonNullable<ResponseData["response"]>;

/** A response that cannot change here: submitted, of an earlier round, or the RFP no longer accepts responses. */
export function ReadOnlyResponse({
  orgSlug,
  content,
  response,
  notice,
  deviceEditsOf,
}: {
  orgSlug: string;
  /** The RFP, to show edits this device kept for this (current-round) response that never reached the server. */
  deviceEditsOf?: string;
  content: RfpContent;
  response: Response;
  notice: string | null;
}) {
  const files = useMemo(
    () => new Map(response.files.map((f) => [f.id, { id: f.id, fileName: f.fileName, size: f.size }])),
    [response.files],
  );
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-6">
        {response.submittedAt ? (
          <Alert tone="success" title={`Submitted: final for round ${response.round}`}>
            Submitted <LocalTime value={response.submittedAt} pattern="PPp" />
            {response.submittedBy ? ` by ${response.submittedBy}` : ""}. These answers can no longer be changed.
          </Alert>
        ) : null}
        {notice ? <Alert tone="warning">{notice}</Alert> : null}
        {deviceEditsOf ? (
          <StrandedEdits
            draftKey={{ orgSlug, rfpId: deviceEditsOf, round: response.round }}
            responseId={response.id}
            content={content}
            answers={response.answers}
          />
        ) : null}
        <AnswerSections
          content={content}
          answers={response.answers}
          readOnly
          orgSlug={orgSlug}
          responseId={response.id}
          files={files}
        />
      </div>
      <aside aria-label="Receipt" className="lg:sticky lg:top-20 lg:self-start">
        {response.submittedAt ? (
          <ReceiptCard orgSlug={orgSlug} responseId={response.id} />
        ) : (
          <Alert tone="info" title="Not submitted">
            This response was saved as a draft{" "}
            {response.updatedAt ? <LocalTime value={response.updatedAt} pattern="PPp" /> : null} and never submitted, so
            it has no receipt.
          </Alert>
        )}
      </aside>
    </div>
  );
}
