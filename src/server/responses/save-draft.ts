import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { recordAudit, type Actor } from "../audit/record-audit";
import { AppError } from "../errors/app-error";
import { assertAcceptsResponses } from "../rfps/lifecycle";
import { findAttachableFiles, withoutMissingFiles } from "./attached-files";
import { changedQuestionIds, cleanDraftAnswers } from "./draft-answers";
import { findOwnResponse, loadInvitedRfp, storedAnswers, type OwnResponse, type ResponderOrg } from "./load";
import type { TSaveDraftInput } from "./schemas";

// Autosave of a draft. A compare-and-set on `version`: of two colleagues who both loaded version
// 4, the first save makes it 5 and the second is told to reload and merge (the editor keeps its
// text). The update's WHERE also requires the response to be unsubmitted, so a save racing a
// submit either lands before it (and the submit sees a new version) or changes nothing.

export const STALE_DRAFT_MESSAGE =
  "A colleague saved this response while you were editing. Your text is kept on this page: reload their version and merge your changes.";
export const SUBMITTED_MESSAGE = "This response has been submitted and can no longer be changed.";

export async function saveDraft(db: TenantDb, actor: Actor, org: ResponderOrg, input: TSaveDraftInput, now: Date) {
  const response = await findOwnResponse(db, org, input.responseId);
  const rfp = await assertEditable(db, org, response, now);

  const cleaned = cleanDraftAnswers(rfp.content, input.answers);
  const first = cleaned.issues[0];
  if (first)
    throw new AppError(
      "BAD_REQUEST",
      cleaned.issues.length === 1 ? first.message : `${first.message} (and ${cleaned.issues.length - 1} more)`,
      { field: `answers.${first.questionId}` },
    );
  const { wanted, found } = await findAttachableFiles(db, org, rfp.id, rfp.content, cleaned.answers);
  const answers = withoutMissingFiles(cleaned.answers, wanted, found);

  const updated = await db.rfpResponse.updateMany({
    where: { id: response.id, organizationId: org.id, version: input.version, submittedAt: null },
    data: { answers: answers as Prisma.InputJsonValue, version: { increment: 1 }, updatedById: actor?.id ?? null },
  });
  if (updated.count !== 1) await refuseStale(db, org, response.id);

  const changed = changedQuestionIds(storedAnswers(response.answers), answers);
  // Which answers changed, not their text: autosave writes often and the values are the CDMO's own.
  await recordAudit(db, {
    actor,
    action: "response.saved",
    entityType: "RfpResponse",
    entityId: response.id,
    changes: {
      version: { old: input.version, new: input.version + 1 },
      ...(changed.length ? { answers: { old: null, new: changed } } : {}),
    },
  });
  return { id: response.id, version: input.version + 1, savedAt: now, dropped: cleaned.dropped };
}

/** The RFP of a response that may still change: unsubmitted, of the RFP's current round, before the due date. */
export async function assertEditable(db: TenantDb, org: ResponderOrg, response: OwnResponse, now: Date) {
  if (response.submittedAt) throw new AppError("CONFLICT", SUBMITTED_MESSAGE);
  const rfp = await loadInvitedRfp(db, org, response.rfpId);
  if (rfp.round !== response.round)
    throw new AppError(
      "CONFLICT",
      `This is your response to round ${response.round}; the sponsor has moved on to round ${rfp.round}. Reload the page to answer the current round.`,
    );
  assertAcceptsResponses(rfp, now);
  return rfp;
}

/** After an update that changed nothing: say why (submitted meanwhile, or someone saved first). */
export async function refuseStale(db: TenantDb, org: ResponderOrg, responseId: string): Promise<never> {
  const now = await db.rfpResponse.findFirst({
    where: { id: responseId, organizationId: org.id },
    select: { submittedAt: true },
  });
  throw new AppError("CONFLICT", now?.submittedAt ? SUBMITTED_MESSAGE : STALE_DRAFT_MESSAGE, { field: "version" });
}
