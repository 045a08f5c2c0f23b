// Saving the RFP builder's document: content, title, summary, scope, weights, due date and the
// sealed-bid options, as one write under the version the editor loaded. A draft changes freely;
// a published RFP changes too (until it closes), and then what changed is recorded for the
// invitees and they are told. `db` is scoped to the sponsor (orgProcedure("rfp.write")).
import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { diffFields, recordAudit, type Actor, type Changes } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import type { OrgAccess } from "../auth/permissions";
import { minNoticeMs } from "./notice";
import { AppError, conflict, notFound } from "../errors/app-error";
import { EMPTY_CONTENT, WEIGHT_KEYS, ZRfpContent, type RfpContent } from "./content";
import { describeContentChanges } from "./diff";
import { contentSize, inviteeChanges } from "./edit-summary";
import type { UpdateRfpInput } from "./edit-schemas";
import {
  assertCanEditContent,
  canEditContent,
  effectiveStatus,
  MAX_RESPONSE_WINDOW_MS,
  noticeText,
  publishProblems,
} from "./lifecycle";
import { announceRfpChange } from "./edit-notify";

export type EditOrg = OrgAccess & { id: string };

const SETTINGS = ["title", "summary", "stages", "weights", "dueAt", "timeZone", "sealed", "committeeOpening"] as const;

export const STALE_MESSAGE =
  "Someone else saved this RFP while you were editing. Your changes are kept here: reload to see theirs, then apply yours again and save.";

type Settings = Record<(typeof SETTINGS)[number], unknown>;
const settingsOf = (r: {
  title: string;
  summary: string | null;
  stages: string[];
  weights: unknown;
  dueAt: Date | null;
  timeZone: string;
  sealed: boolean;
  committeeOpening: boolean;
}): Settings => ({
  title: r.title,
  summary: r.summary,
  stages: r.stages,
  // jsonb keeps its own key order: compare weights in the schema's.
  weights: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, (r.weights as Record<string, unknown> | null)?.[k] ?? null])),
  dueAt: r.dueAt?.toISOString() ?? null,
  timeZone: r.timeZone,
  sealed: r.sealed,
  committeeOpening: r.committeeOpening,
});

/** The stored document, or an empty one if it is somehow unreadable (the editor then starts afresh). */
function storedContent(json: unknown): RfpContent {
  const r = ZRfpContent.safeParse(json);
  return r.success ? r.data : EMPTY_CONTENT;
}

/** Refusals that only apply once invitees have seen the RFP. */
function assertPublishedEdit(
  before: { sealed: boolean; committeeOpening: boolean; dueAt: Date | null },
  input: UpdateRfpInput,
  now: Date,
) {
  if (before.sealed !== input.sealed || before.committeeOpening !== input.committeeOpening)
    throw new AppError(
      "BAD_REQUEST",
      "The sealed-bid options cannot change after publication: invitees were told how their prices would be opened.",
      { field: before.sealed !== input.sealed ? "sealed" : "committeeOpening" },
    );
  if (!input.dueAt)
    throw new AppError("BAD_REQUEST", "A published RFP keeps a due date. Choose a new one instead of clearing it.", {
      field: "dueAt",
    });
  if (input.dueAt.getTime() !== before.dueAt?.getTime()) {
    const ahead = input.dueAt.getTime() - now.getTime();
    if (ahead < minNoticeMs())
      throw new AppError(
        "BAD_REQUEST",
        `A published RFP's due date can only move to at least ${noticeText(minNoticeMs())} from now, so invitees have time to respond.`,
        { field: "dueAt" },
      );
    if (ahead > MAX_RESPONSE_WINDOW_MS)
      throw new AppError("BAD_REQUEST", "The due date is more than two years away. Check the year.", {
        field: "dueAt",
      });
  }
  // Still something invitees can answer: questions, no empty section, a price line per stage in scope.
  const problem = publishProblems(
    { title: input.title, dueAt: null, content: input.content, weights: input.weights, stages: input.stages },
    now,
  ).find((p) => p.field !== "dueAt");
  if (problem)
    throw new AppError("BAD_REQUEST", `Invitees are answering this RFP, so it must stay complete: ${problem.message}`, {
      field: problem.field,
    });
}

export type UpdateRfpResult = { id: string; version: number; changed: boolean; changeSummary: string[] };

export async function updateRfp(
  db: TenantDb,
  actor: Actor,
  org: EditOrg,
  input: UpdateRfpInput,
  now = new Date(),
): Promise<UpdateRfpResult> {
  assertCan(org, "rfp.write");
  // Own RFPs only: an invited organisation can read a sponsor's RFP, never edit it.
  const before = await db.rfp.findFirst({ where: { id: input.rfpId, organizationId: org.id } });
  if (!before) throw notFound("The RFP");
  const status = effectiveStatus(before, now);
  assertCanEditContent(status);
  if (before.version !== input.version) throw conflict(STALE_MESSAGE);
  if (status === "PUBLISHED") assertPublishedEdit(before, input, now);

  const oldContent = storedContent(before.content);
  const contentChanged = JSON.stringify(oldContent) !== JSON.stringify(input.content);
  const settingChanges = diffFields(settingsOf(before), settingsOf({ ...input, summary: input.summary ?? null }), [
    ...SETTINGS,
  ]);
  if (!contentChanged && Object.keys(settingChanges).length === 0)
    return { id: before.id, version: before.version, changed: false, changeSummary: [] };

  // The version in the WHERE makes concurrent saves of one version race for a single winner:
  // the others wait for its row lock, then match nothing and are told to reload.
  const updated = await db.rfp.updateMany({
    where: { id: before.id, version: input.version },
    data: {
      title: input.title,
      summary: input.summary ?? null,
      stages: input.stages,
      weights: input.weights as Prisma.InputJsonValue,
      dueAt: input.dueAt,
      timeZone: input.timeZone,
      sealed: input.sealed,
      committeeOpening: input.committeeOpening,
      content: input.content as unknown as Prisma.InputJsonValue,
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) throw conflict(STALE_MESSAGE);

  const contentLines = contentChanged ? describeContentChanges(oldContent, input.content) : [];
  const changes: Changes = { ...settingChanges };
  if (contentChanged) {
    changes.content = { old: contentSize(oldContent), new: contentSize(input.content) };
    changes.contentChanges = { old: null, new: contentLines };
  }
  await recordAudit(db, { actor, action: "rfp.updated", entityType: "Rfp", entityId: before.id, changes });

  let changeSummary: string[] = [];
  if (status === "PUBLISHED") {
    // What invitees are told: everything but the weights, which are the sponsor's own business.
    changeSummary = inviteeChanges({ ...before, content: oldContent }, { ...input, summary: input.summary ?? null });
    if (changeSummary.length) {
      await db.rfpChange.create({
        data: { rfpId: before.id, round: before.round, summary: changeSummary, byId: actor?.id ?? null },
      });
      await announceRfpChange(db, { id: before.id, title: input.title }, changeSummary);
    }
  }
  return { id: before.id, version: input.version + 1, changed: true, changeSummary };
}

/**
 * The RFP as the builder edits it: the stored document with its version, the status a reader
 * sees now (a published RFP past its due date reads as closed), and what may still change.
 */
export async function getRfpForEdit(db: TenantDb, org: EditOrg, rfpId: string, now = new Date()) {
  assertCan(org, "rfp.read");
  const r = await db.rfp.findFirst({
    where: { id: rfpId, organizationId: org.id },
    include: { programme: { select: { id: true, name: true } } },
  });
  if (!r) throw notFound("The RFP");
  const status = effectiveStatus(r, now);
  return {
    id: r.id,
    programme: r.programme,
    title: r.title,
    summary: r.summary,
    stages: r.stages,
    status,
    round: r.round,
    version: r.version,
    content: storedContent(r.content),
    weights: r.weights,
    dueAt: r.dueAt,
    timeZone: r.timeZone,
    sealed: r.sealed,
    committeeOpening: r.committeeOpening,
    updatedAt: r.updatedAt,
    /** Draft or open: the document can still change (published edits are announced). */
    editable: canEditContent(status),
    /** The sealed-bid options are fixed once invitees have seen the RFP. */
    sealLocked: status !== "DRAFT",
  };
}
