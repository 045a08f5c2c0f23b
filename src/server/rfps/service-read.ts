import type { Rfp } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { notFound } from "../errors/app-error";
import { findProgramme, type ProgrammeOrg } from "../programmes/programmes";
import { questionCount, ZRfpContent, type RfpContent } from "./content";
import { effectiveStatus } from "./lifecycle";
import { RFP_TEMPLATES } from "./templates";

// The sponsor's reads of its own RFPs. Every query names the organisation as well as the id:
// the scoped client would also admit RFPs this organisation is *invited* to (the share rule),
// and those are read through the portal, never here. Statuses are the effective ones (a
// published RFP past its due date reads as closed with nobody online).

/** A programme has a handful of RFPs; the whole organisation's list (to copy from) is capped. */
const LIST_LIMIT = 500;

const contentOf = (json: unknown): RfpContent => {
  const parsed = ZRfpContent.safeParse(json);
  return parsed.success ? parsed.data : { sections: [] };
};

/**
 * The RFPs of one programme (or, without one, of every programme: what the new-RFP page offers to
 * copy), newest first, with how many invitees there are and how many have submitted.
 */
export async function listRfps(
  db: TenantDb,
  org: ProgrammeOrg,
  input: { programmeId?: string },
  now: Date = new Date(),
) {
  const programme = input.programmeId ? await findProgramme(db, org, input.programmeId) : null;
  const rfps = await db.rfp.findMany({
    where: { organizationId: org.id, ...(programme ? { programmeId: programme.id } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      programmeId: true,
      title: true,
      status: true,
      dueAt: true,
      timeZone: true,
      stages: true,
      round: true,
      sealed: true,
      templateKey: true,
      createdAt: true,
      updatedAt: true,
      programme: { select: { name: true } },
      _count: { select: { invitations: { where: { revokedAt: null } } } },
    },
  });
  const ids = rfps.map((r) => r.id);
  // Participation rows belong to the CDMOs; the sponsor reads those of its own RFPs (share rule).
  const submitted = ids.length
    ? await db.rfpParticipation.groupBy({
        by: ["rfpId"],
        where: { sponsorOrganizationId: org.id, rfpId: { in: ids }, submittedAt: { not: null } },
        _count: { _all: true },
      })
    : [];
  const submittedBy = new Map(submitted.map((s) => [s.rfpId, s._count._all]));
  return rfps.map(({ _count, programme: p, ...r }) => ({
    ...r,
    programmeName: p.name,
    storedStatus: r.status,
    status: effectiveStatus(r, now),
    invitedCount: _count.invitations,
    submittedCount: submittedBy.get(r.id) ?? 0,
  }));
}

/** One RFP as its sponsor sees it (questions, weights, scope and lifecycle fields). */
export async function getRfp(db: TenantDb, org: ProgrammeOrg, rfpId: string, now: Date = new Date()) {
  const r: Rfp | null = await db.rfp.findFirst({ where: { id: rfpId, organizationId: org.id } });
  if (!r) throw notFound("The RFP");
  const [programme, copiedFrom] = await Promise.all([
    db.programme.findFirst({
      where: { id: r.programmeId, organizationId: org.id },
      select: { id: true, name: true, stages: true, archivedAt: true },
    }),
    r.copiedFromId
      ? db.rfp.findFirst({ where: { id: r.copiedFromId, organizationId: org.id }, select: { id: true, title: true } })
      : null,
  ]);
  const content = contentOf(r.content);
  return {
    id: r.id,
    programme: programme!,
    title: r.title,
    summary: r.summary,
    stages: r.stages,
    status: effectiveStatus(r, now),
    storedStatus: r.status,
    content,
    questionCount: questionCount(content),
    weights: r.weights,
    dueAt: r.dueAt,
    timeZone: r.timeZone,
    sealed: r.sealed,
    committeeOpening: r.committeeOpening,
    round: r.round,
    templateKey: r.templateKey,
    copiedFrom,
    publishedAt: r.publishedAt,
    closedAt: r.closedAt,
    awardedAt: r.awardedAt,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The shipped templates with what a preview shows: sections, their questions' prompts and kinds. */
export function listTemplates() {
  return RFP_TEMPLATES.map((t) => ({
    key: t.key,
    name: t.name,
    description: t.description,
    modality: t.modality,
    stages: t.stages,
    weights: t.weights,
    questionCount: questionCount(t.content),
    sections: t.content.sections.map((s) => ({
      title: s.title,
      description: s.description ?? null,
      questions: s.questions.map((q) => ({ prompt: q.prompt, kind: q.kind, required: q.required })),
    })),
  }));
}
