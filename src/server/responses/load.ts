import type { TenantDb } from "../db/tenant";
import { AppError, notFound } from "../errors/app-error";
import { ZRfpContent, type RfpContent } from "../rfps/content";
import type { RfpStatus } from "../rfps/lifecycle";

// Reads shared by the response procedures. Every query runs on the CDMO's scoped client: its own
// participation and responses, and the sponsor's RFP only through the share rule (a sent,
// unrevoked invitation to this organisation). An RFP the CDMO was not invited to, or whose
// invitation was revoked, is simply not found.

export type ResponderOrg = { id: string; name: string };

export type InvitedRfp = {
  id: string;
  organizationId: string;
  title: string;
  status: RfpStatus;
  dueAt: Date | null;
  timeZone: string;
  round: number;
  content: RfpContent;
};

const RFP_SELECT = {
  id: true,
  organizationId: true,
  title: true,
  status: true,
  dueAt: true,
  timeZone: true,
  round: true,
  content: true,
} as const;

/** The RFP as the invited CDMO sees it, with its questions parsed; NOT_FOUND unless invited. */
export async function loadInvitedRfp(db: TenantDb, org: ResponderOrg, rfpId: string): Promise<InvitedRfp> {
  const rfp = await db.rfp.findFirst({ where: { id: rfpId, NOT: { organizationId: org.id } }, select: RFP_SELECT });
  if (!rfp) throw notFound("This RFP");
  const content = ZRfpContent.safeParse(rfp.content);
  // A published RFP's document was validated when it was saved; this guards against old rows.
  if (!content.success) throw new AppError("CONFLICT", "This RFP's questions cannot be read. Ask the sponsor.");
  return { ...rfp, status: rfp.status as RfpStatus, content: content.data };
}

/** The organisation's own invitation to this RFP (sent and not revoked). */
export async function findOwnInvitation(db: TenantDb, org: ResponderOrg, rfpId: string) {
  return db.rfpInvitation.findFirst({
    where: { rfpId, vendorOrganizationId: org.id, sentAt: { not: null }, revokedAt: null },
    select: { id: true, organizationId: true },
  });
}

export const RESPONSE_SELECT = {
  id: true,
  participationId: true,
  rfpId: true,
  sponsorOrganizationId: true,
  round: true,
  answers: true,
  version: true,
  submittedAt: true,
  submittedById: true,
  receiptHash: true,
  updatedById: true,
  updatedAt: true,
  createdAt: true,
} as const;

/** One of the organisation's own responses by id (never another organisation's: the filter and RLS both say so). */
export async function findOwnResponse(db: TenantDb, org: ResponderOrg, responseId: string) {
  const response = await db.rfpResponse.findFirst({
    where: { id: responseId, organizationId: org.id },
    select: RESPONSE_SELECT,
  });
  if (!response) throw notFound("This response");
  return response;
}

export type OwnResponse = Awaited<ReturnType<typeof findOwnResponse>>;

/** Answers as stored: a JSON object keyed by question id (anything else reads as no answers). */
export function storedAnswers(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Ids of the files the answers attach, per question. */
export function attachedFileIds(content: RfpContent, answers: Record<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of content.sections)
    for (const q of s.questions) {
      if (q.kind !== "file") continue;
      const v = answers[q.id] as { fileIds?: unknown } | undefined;
      const ids = Array.isArray(v?.fileIds) ? v.fileIds.filter((x): x is string => typeof x === "string") : [];
      if (ids.length) out.set(q.id, ids);
    }
  return out;
}
