import { lockOwnResponse } from "../db/sql/responses";
import type { TenantDb } from "../db/tenant";
import { recordAudit, type Actor } from "../audit/record-audit";
import { AppError, notFound } from "../errors/app-error";
import { validateAnswers } from "../rfps/content";
import { receiptHash as hashReceipt } from "../rfps/receipt";
import { findAttachableFiles, firstMissingFile } from "./attached-files";
import { findOwnResponse, storedAnswers, type ResponderOrg } from "./load";
import { notifySponsorOfSubmission } from "./notify-submitted";
import { assertEditable, refuseStale, SUBMITTED_MESSAGE } from "./save-draft";
import type { TSubmitResponseInput } from "./schemas";

// Submitting seals a response. In one transaction: lock the row, check that it is the version
// the submitter last saw, that the RFP still accepts responses by the server's clock, and that
// every required answer passes its full check; then write submittedAt, who, and the receipt hash
// (answers + files), mark the participation submitted, audit, and notify the sponsor. From then
// on the database trigger refuses any change to the row. Twenty concurrent submits give one
// receipt: the others wait on the lock and then find the row submitted.

export async function submitResponse(
  db: TenantDb,
  actor: Actor,
  org: ResponderOrg,
  input: TSubmitResponseInput,
  now: Date,
) {
  if (!(await lockOwnResponse(db, org.id, input.responseId))) throw notFound("This response");
  const response = await findOwnResponse(db, org, input.responseId);
  if (response.submittedAt) throw new AppError("CONFLICT", SUBMITTED_MESSAGE);
  if (response.version !== input.version)
    throw new AppError(
      "CONFLICT",
      "A colleague changed this response after you last loaded it. Reload it and check the answers before submitting.",
      { field: "version" },
    );
  const rfp = await assertEditable(db, org, response, now);

  const answers = storedAnswers(response.answers);
  const issues = validateAnswers(rfp.content, answers, "submit");
  if (issues.length) {
    const first = issues[0]!;
    const more =
      issues.length > 1
        ? ` ${issues.length - 1} other answer${issues.length > 2 ? "s need" : " needs"} attention too.`
        : "";
    throw new AppError("BAD_REQUEST", `${first.message}${more}`, { field: `answers.${first.questionId}` });
  }
  const { wanted, found } = await findAttachableFiles(db, org, rfp.id, rfp.content, answers);
  const missing = firstMissingFile(rfp.content, wanted, found);
  if (missing)
    throw new AppError(
      "BAD_REQUEST",
      `A file attached to “${missing.question.prompt}” is no longer available. Remove it and upload it again.`,
      { field: `answers.${missing.question.id}` },
    );

  const receiptHash = hashReceipt({ rfpId: rfp.id, round: response.round, answers, files: [...found.values()] });
  const sealed = await db.rfpResponse.updateMany({
    where: { id: response.id, organizationId: org.id, version: input.version, submittedAt: null },
    data: { submittedAt: now, submittedById: actor?.id ?? null, receiptHash, version: { increment: 1 } },
  });
  if (sealed.count !== 1) await refuseStale(db, org, response.id);
  await db.rfpParticipation.updateMany({
    where: { id: response.participationId, organizationId: org.id },
    data: { submittedAt: now, version: { increment: 1 } },
  });
  await recordAudit(db, {
    actor,
    action: "response.submitted",
    entityType: "RfpResponse",
    entityId: response.id,
    changes: {
      submittedAt: { old: null, new: now.toISOString() },
      receiptHash: { old: null, new: receiptHash },
      round: { old: null, new: response.round },
    },
  });
  await notifySponsorOfSubmission(db, org, rfp, response.round);
  return { id: response.id, round: response.round, submittedAt: now, receiptHash, version: input.version + 1 };
}
