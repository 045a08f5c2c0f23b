import { userNames } from "../db/globals";
import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { ZRfpContent } from "../rfps/content";
import { attachedFileIds, findOwnResponse, storedAnswers, type ResponderOrg } from "./load";

/**
 * The receipt of a submitted response: when (server time), by whom, for which round, and the
 * SHA-256 of what was submitted, with the files it covers. Still readable if the sponsor later
 * revokes the invitation (the RFP's title is then unknown, the record is the CDMO's own).
 */
export async function getReceipt(db: TenantDb, org: ResponderOrg, input: { responseId: string }) {
  const r = await findOwnResponse(db, org, input.responseId);
  if (!r.submittedAt || !r.receiptHash)
    throw new AppError("PRECONDITION_FAILED", "This response has not been submitted yet, so it has no receipt.");
  const rfp = await db.rfp.findFirst({
    where: { id: r.rfpId, NOT: { organizationId: org.id } },
    select: { title: true, content: true },
  });
  const content = ZRfpContent.safeParse(rfp?.content);
  const ids = content.success ? [...attachedFileIds(content.data, storedAnswers(r.answers)).values()].flat() : [];
  const files = ids.length
    ? await db.storedFile.findMany({
        where: { id: { in: ids }, organizationId: org.id, purpose: "RESPONSE_ANSWER" },
        select: { id: true, fileName: true, sha256: true, size: true },
        orderBy: { fileName: "asc" },
      })
    : [];
  const names = r.submittedById ? await userNames(db, [r.submittedById]) : new Map<string, string>();
  return {
    responseId: r.id,
    rfpId: r.rfpId,
    rfpTitle: rfp?.title ?? null,
    round: r.round,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedById ? (names.get(r.submittedById) ?? "A former member") : null,
    receiptHash: r.receiptHash,
    algorithm: "SHA-256" as const,
    files,
  };
}
