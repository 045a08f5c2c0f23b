import { z } from "zod";
import type { OrgKind, Role } from "../api/roles";
import { recordAudit, type Actor } from "../audit/record-audit";
import { can, refusal } from "../auth/permissions";
import type { TenantDb } from "../db/tenant";
import type { Prisma } from "../db/generated/client";
import { lockOwnResponse, lockOwnRfp } from "../db/sql/files";
import { AppError } from "../errors/app-error";
import { allQuestions, RFP_LIMITS, zContentId, type RfpContent } from "../rfps/content";
import { acceptsResponses, assertAcceptsResponses, effectiveStatus, type RfpStatus } from "../rfps/lifecycle";
import { zId, zText } from "../validation";
import { FILE_KINDS, MAX_FILE_NAME, type FileKind } from "./kinds";
import { announceRfpChange } from "../rfps/edit-notify";
import { sponsorMaySeeResponses } from "../rfps/sealing";

// Files of RFPs: a sponsor's attachments to its RFP, a CDMO's files answering a "file" question
// of its own draft response. Who may see a file is decided by row-level security and the
// TenantDb share rules (an invitee reads a published RFP's attachments; the sponsor reads the
// files of submitted responses), plus the sealed-bid rule on top for sponsors (rfps/sealing.ts).
// A file someone may not see answers exactly like a file that does not exist.

export type FileOrg = { id: string; kind: OrgKind; role: Role };
export type FilePurpose = "RFP_ATTACHMENT" | "RESPONSE_ANSWER";

/** How many attachments one RFP may have. */
export const MAX_ATTACHMENTS = 50;

/** A file name as uploaded: the last path segment, text without control characters. */
export const zFileName = zText({ min: 1, max: MAX_FILE_NAME, minMessage: "Name the file." }).transform(
  (v) => v.split(/[\\/]/).pop()!.trim() || "file",
);

export const ZUploadTarget = z.discriminatedUnion("purpose", [
  z.object({ purpose: z.literal("RFP_ATTACHMENT"), rfpId: zId }),
  z.object({ purpose: z.literal("RESPONSE_ANSWER"), responseId: zId, questionId: zContentId }),
]);
export type UploadTarget = z.infer<typeof ZUploadTarget>;

export type FileView = {
  id: string;
  purpose: FilePurpose;
  rfpId: string;
  responseId: string | null;
  questionId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  /** Whether the caller's organisation owns it (and so may remove it while that is allowed). */
  own: boolean;
};

const VIEW = {
  id: true,
  organizationId: true,
  purpose: true,
  rfpId: true,
  responseId: true,
  questionId: true,
  fileName: true,
  contentType: true,
  size: true,
  sha256: true,
  createdAt: true,
} as const;

/** A file row as VIEW selects it (derived, so the select and the type cannot drift apart). */
type Row = Prisma.StoredFileGetPayload<{ select: typeof VIEW }>;
const view = (r: Row, org: FileOrg): FileView => {
  const { organizationId, ...rest } = r;
  return { ...rest, own: organizationId === org.id };
};

const rfpNotFound = () => new AppError("NOT_FOUND", "RFP not found.", { field: "rfpId" });
const responseNotFound = () => new AppError("NOT_FOUND", "Response not found.", { field: "responseId" });
export const fileNotFound = () => new AppError("NOT_FOUND", "File not found.", { field: "fileId" });

function assertWriter(org: FileOrg, kind: OrgKind) {
  if (!can(org, "file.write")) throw new AppError("FORBIDDEN", refusal(org, "file.write"));
  if (org.kind !== kind)
    throw new AppError(
      "FORBIDDEN",
      kind === "SPONSOR"
        ? "Only the sponsor that owns an RFP adds attachments to it."
        : "Only the CDMO answering adds files to its response.",
    );
}

const ATTACHMENT_STATES: RfpStatus[] = ["DRAFT", "PUBLISHED"];
const attachmentsClosed = (s: RfpStatus) =>
  new AppError(
    "CONFLICT",
    `Attachments can no longer change: this RFP is ${s === "CLOSED" ? "closed" : s === "AWARDED" ? "awarded" : "cancelled"}.`,
  );

export type CheckedTarget = {
  rfpId: string;
  /** RFP status when checked (a published RFP's attachment changes are recorded for invitees). */
  rfpStatus: RfpStatus;
  rfpRound: number;
  rfpTitle: string;
  accept: readonly FileKind[];
};

/**
 * Whether `org` may add a file to `target` now. With `lock`, the RFP (attachments) or the
 * response (answer files) stays locked until the transaction ends, so a concurrent publish,
 * cancel or submit cannot slip between this check and the insert.
 */
export async function checkUploadTarget(
  db: TenantDb,
  org: FileOrg,
  target: UploadTarget,
  now: Date,
  opts: { lock: boolean },
): Promise<CheckedTarget> {
  if (target.purpose === "RFP_ATTACHMENT") {
    assertWriter(org, "SPONSOR");
    const rfp = opts.lock
      ? await lockOwnRfp(db, target.rfpId)
      : await db.rfp.findFirst({
          where: { id: target.rfpId },
          select: { organizationId: true, title: true, status: true, dueAt: true, round: true },
        });
    if (!rfp || rfp.organizationId !== org.id) throw rfpNotFound();
    const status = effectiveStatus({ status: rfp.status as RfpStatus, dueAt: rfp.dueAt }, now);
    if (!ATTACHMENT_STATES.includes(status)) throw attachmentsClosed(status);
    const count = await db.storedFile.count({
      where: { rfpId: target.rfpId, purpose: "RFP_ATTACHMENT", deletedAt: null },
    });
    if (count >= MAX_ATTACHMENTS)
      throw new AppError("CONFLICT", `An RFP can have at most ${MAX_ATTACHMENTS} attachments; remove one first.`);
    return { rfpId: target.rfpId, rfpStatus: status, rfpRound: rfp.round, rfpTitle: rfp.title, accept: FILE_KINDS };
  }

  assertWriter(org, "CDMO");
  const response = opts.lock
    ? await lockOwnResponse(db, target.responseId)
    : await db.rfpResponse.findFirst({
        where: { id: target.responseId },
        select: { organizationId: true, rfpId: true, participationId: true, round: true, submittedAt: true },
      });
  if (!response || response.organizationId !== org.id) throw responseNotFound();
  if (response.submittedAt)
    throw new AppError("CONFLICT", "This response has been submitted; its files can no longer change.");
  const [rfp, participation] = await Promise.all([
    db.rfp.findFirst({
      where: { id: response.rfpId },
      select: { title: true, status: true, dueAt: true, round: true, content: true },
    }),
    db.rfpParticipation.findFirst({ where: { id: response.participationId }, select: { declinedAt: true } }),
  ]);
  if (!rfp) throw responseNotFound(); // the invitation was revoked: the RFP is no longer visible
  if (participation?.declinedAt)
    throw new AppError("CONFLICT", "You declined this RFP; undo the decline before adding files.");
  if (response.round !== rfp.round)
    throw new AppError("CONFLICT", "This response belongs to an earlier round; answer in the current round.");
  assertAcceptsResponses({ status: rfp.status as RfpStatus, dueAt: rfp.dueAt }, now);
  const question = allQuestions(rfp.content as unknown as RfpContent).find(
    (q) => q.question.id === target.questionId,
  )?.question;
  if (!question || question.kind !== "file")
    throw new AppError("BAD_REQUEST", "This question does not take files.", { field: "questionId" });
  const count = await db.storedFile.count({
    where: { responseId: target.responseId, questionId: target.questionId, deletedAt: null },
  });
  if (count >= RFP_LIMITS.filesPerAnswer)
    throw new AppError(
      "CONFLICT",
      `A question takes at most ${RFP_LIMITS.filesPerAnswer} files; remove one before adding another.`,
    );
  return {
    rfpId: response.rfpId,
    rfpStatus: effectiveStatus({ status: rfp.status as RfpStatus, dueAt: rfp.dueAt }, now),
    rfpRound: rfp.round,
    rfpTitle: rfp.title,
    accept: question.accept?.length ? question.accept : FILE_KINDS,
  };
}

export type NewFile = {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storage: "disk" | "db";
};

/** Write the StoredFile row (bytes are stored by the caller in the same transaction) and its audit entry. */
export async function recordUpload(
  db: TenantDb,
  org: FileOrg,
  actor: Actor,
  target: UploadTarget,
  checked: CheckedTarget,
  file: NewFile,
): Promise<FileView> {
  const row = await db.storedFile.create({
    data: {
      ...file,
      purpose: target.purpose,
      rfpId: checked.rfpId,
      responseId: target.purpose === "RESPONSE_ANSWER" ? target.responseId : null,
      questionId: target.purpose === "RESPONSE_ANSWER" ? target.questionId : null,
      uploadedById: actor?.id ?? null,
    },
    select: VIEW,
  });
  await recordAudit(db, {
    actor,
    action: "file.upload",
    entityType: "StoredFile",
    entityId: row.id,
    changes: {
      fileName: { old: null, new: row.fileName },
      size: { old: null, new: row.size },
      sha256: { old: null, new: row.sha256 },
      purpose: { old: null, new: row.purpose },
      rfpId: { old: null, new: row.rfpId },
      ...(row.responseId ? { responseId: { old: null, new: row.responseId } } : {}),
      ...(row.questionId ? { questionId: { old: null, new: row.questionId } } : {}),
    },
  });
  if (target.purpose === "RFP_ATTACHMENT" && checked.rfpStatus === "PUBLISHED")
    await recordAttachmentChange(db, actor, checked, `Attachment added: ${row.fileName}`);
  return view(row, org);
}

/**
 * The file `fileId` if `org` may read it now, else null: row-level security and the share rules
 * decide what is visible; for a sponsor reading a sealed RFP's answer files, the seal must be open.
 */
export async function findReadableFile(
  db: TenantDb,
  org: FileOrg,
  fileId: string,
  now: Date,
): Promise<(Row & { storage: string }) | null> {
  if (!can(org, "file.read")) return null;
  const file = await db.storedFile.findFirst({
    where: { id: fileId, deletedAt: null },
    select: { ...VIEW, storage: true },
  });
  if (!file) return null;
  if (file.purpose === "RESPONSE_ANSWER" && file.organizationId !== org.id) {
    if (!(await answerFilesOpenTo(db, org, file.rfpId, file.responseId, now))) return null;
  }
  return file as Row & { storage: string };
}

/**
 * For a sponsor: whether the files of this (submitted, visible) response may be read now. A file
 * can carry a quotation, so a sealed RFP's answer files open exactly when its responses do
 * (rfps/sealing.ts, the one server-side answer for every sponsor read path).
 */
async function answerFilesOpenTo(
  db: TenantDb,
  org: FileOrg,
  rfpId: string,
  responseId: string | null,
  now: Date,
): Promise<boolean> {
  if (!responseId) return false;
  const response = await db.rfpResponse.findFirst({
    where: { id: responseId, submittedAt: { not: null } },
    select: { round: true },
  });
  if (!response) return false;
  return sponsorMaySeeResponses(db, org.id, rfpId, response.round, now).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") return false; // not this organisation's RFP
    throw e;
  });
}

export const ZFileListInput = z
  .object({ rfpId: zId.optional(), responseId: zId.optional(), questionId: zContentId.optional() })
  .refine((v) => (v.rfpId ? 1 : 0) + (v.responseId ? 1 : 0) === 1, {
    message: "Give either an RFP (its attachments) or a response (its files).",
    path: ["rfpId"],
  });
export type FileListInput = z.infer<typeof ZFileListInput>;

/** An RFP's attachments, or a response's files (optionally one question's), as far as `org` may see them. */
export async function listFiles(db: TenantDb, org: FileOrg, input: FileListInput, now: Date): Promise<FileView[]> {
  if (input.rfpId) {
    const rows = await db.storedFile.findMany({
      where: { rfpId: input.rfpId, purpose: "RFP_ATTACHMENT", deletedAt: null },
      select: VIEW,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map((r) => view(r, org));
  }
  const rows = await db.storedFile.findMany({
    where: {
      responseId: input.responseId,
      purpose: "RESPONSE_ANSWER",
      deletedAt: null,
      ...(input.questionId ? { questionId: input.questionId } : {}),
    },
    select: VIEW,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const theirs = rows.filter((r) => r.organizationId !== org.id);
  if (theirs.length && !(await answerFilesOpenTo(db, org, theirs[0]!.rfpId, input.responseId ?? null, now))) {
    return rows.filter((r) => r.organizationId === org.id).map((r) => view(r, org));
  }
  return rows.map((r) => view(r, org));
}

/** Soft-delete one of the organisation's own files while what it belongs to may still change; audited. */
export async function removeFile(db: TenantDb, org: FileOrg, actor: Actor, fileId: string, now: Date): Promise<void> {
  const file = await db.storedFile.findFirst({
    where: { id: fileId, deletedAt: null },
    select: { ...VIEW, responseId: true },
  });
  if (!file || file.organizationId !== org.id) throw fileNotFound();
  const target: UploadTarget =
    file.purpose === "RFP_ATTACHMENT"
      ? { purpose: "RFP_ATTACHMENT", rfpId: file.rfpId }
      : { purpose: "RESPONSE_ANSWER", responseId: file.responseId!, questionId: file.questionId! };
  const checked = await checkRemovable(db, org, target, now);
  const done = await db.storedFile.updateMany({ where: { id: fileId, deletedAt: null }, data: { deletedAt: now } });
  if (done.count !== 1) throw fileNotFound();
  await recordAudit(db, {
    actor,
    action: "file.remove",
    entityType: "StoredFile",
    entityId: fileId,
    changes: { deletedAt: { old: null, new: now.toISOString() } },
    reason: file.fileName,
  });
  if (file.purpose === "RFP_ATTACHMENT" && checked.rfpStatus === "PUBLISHED")
    await recordAttachmentChange(db, actor, { rfpId: file.rfpId, ...checked }, `Attachment removed: ${file.fileName}`);
}

/**
 * An open RFP's attachments are part of what invitees answer: a change is recorded beside the
 * RFP (RfpChange, as the builder's edits are) and announced to them, in the same transaction.
 */
async function recordAttachmentChange(
  db: TenantDb,
  actor: Actor,
  rfp: { rfpId: string; rfpRound: number; rfpTitle: string },
  line: string,
) {
  await db.rfpChange.create({
    data: { rfpId: rfp.rfpId, round: rfp.rfpRound, summary: [line], byId: actor?.id ?? null },
  });
  await announceRfpChange(db, { id: rfp.rfpId, title: rfp.rfpTitle }, [line]);
}

/** The upload check without the per-question count (removing makes room) and the question lookup. */
async function checkRemovable(db: TenantDb, org: FileOrg, target: UploadTarget, now: Date) {
  if (target.purpose === "RFP_ATTACHMENT") {
    assertWriter(org, "SPONSOR");
    const rfp = await lockOwnRfp(db, target.rfpId);
    if (!rfp) throw rfpNotFound();
    const status = effectiveStatus({ status: rfp.status as RfpStatus, dueAt: rfp.dueAt }, now);
    if (!ATTACHMENT_STATES.includes(status)) throw attachmentsClosed(status);
    return { rfpStatus: status, rfpRound: rfp.round, rfpTitle: rfp.title };
  }
  assertWriter(org, "CDMO");
  const response = await lockOwnResponse(db, target.responseId);
  if (!response) throw responseNotFound();
  if (response.submittedAt)
    throw new AppError("CONFLICT", "This response has been submitted; its files can no longer change.");
  const rfp = await db.rfp.findFirst({
    where: { id: response.rfpId },
    select: { status: true, dueAt: true, round: true, title: true },
  });
  if (!rfp) throw responseNotFound();
  const clocked = { status: rfp.status as RfpStatus, dueAt: rfp.dueAt };
  if (!acceptsResponses(clocked, now)) assertAcceptsResponses(clocked, now);
  return { rfpStatus: effectiveStatus(clocked, now), rfpRound: rfp.round, rfpTitle: rfp.title };
}
