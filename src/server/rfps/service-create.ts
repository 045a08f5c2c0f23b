import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { recordAudit, type Actor } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import { AppError, notFound } from "../errors/app-error";
import { findProgramme, type ProgrammeOrg } from "../programmes/programmes";
import { STAGES, type StageCode } from "../vendors/catalog";
import { DEFAULT_WEIGHTS, questionCount, ZRfpContent, ZRfpWeights, type RfpContent } from "./content";
import { copyContent } from "./copy";
import type { TCopyRfpInput, TCreateRfpInput } from "./create-schemas";
import { blankContent, defaultScope, fitPriceLines } from "./scope";
import { findTemplate } from "./templates";

// Creating RFPs: from a shipped template, as a copy of one of the organisation's RFPs, or
// blank. Every new RFP is a DRAFT with fresh section and question ids (so answers to one RFP
// can never be read as answers to another), one price line per stage in its scope, and an
// audit entry written in the same transaction. The programme must be this organisation's and
// not archived; a copied RFP must be this organisation's too (another's answers NOT_FOUND).

const stageLabel = (code: string) => STAGES.find((s) => s.code === code)?.label ?? code;

type Source = {
  content: RfpContent;
  weights: unknown;
  covered?: readonly string[];
  title: (programmeName: string) => string;
  templateKey: string | null;
  copiedFromId: string | null;
  summary: string | null;
  sealed: boolean;
  committeeOpening: boolean;
  timeZone: string | null;
};

async function sourceOf(db: TenantDb, org: ProgrammeOrg, input: TCreateRfpInput): Promise<Source> {
  const none = { summary: null, sealed: false, committeeOpening: false, timeZone: null, copiedFromId: null };
  if (input.from === "template") {
    const t = findTemplate(input.templateKey ?? "");
    if (!t) throw new AppError("BAD_REQUEST", "Choose one of the shipped templates.", { field: "templateKey" });
    return {
      ...none,
      content: t.content,
      weights: t.weights,
      covered: t.stages,
      title: (p) => `${p}: ${t.name}`,
      templateKey: t.key,
    };
  }
  if (input.from === "copy") {
    const r = await db.rfp.findFirst({ where: { id: input.copyFromId ?? "", organizationId: org.id } });
    if (!r) throw notFound("The RFP to copy");
    const parsed = ZRfpContent.safeParse(r.content);
    return {
      content: parsed.success ? parsed.data : { sections: [] },
      weights: r.weights,
      covered: r.stages,
      title: () => `Copy of ${r.title}`.slice(0, 200),
      templateKey: r.templateKey,
      copiedFromId: r.id,
      summary: r.summary,
      sealed: r.sealed,
      committeeOpening: r.committeeOpening,
      timeZone: r.timeZone,
    };
  }
  return { ...none, content: { sections: [] }, weights: DEFAULT_WEIGHTS, title: (p) => `${p}: RFP`, templateKey: null };
}

export async function createRfp(db: TenantDb, actor: Actor, org: ProgrammeOrg, input: TCreateRfpInput) {
  assertCan(org, "rfp.write");
  const programme = await findProgramme(db, org, input.programmeId);
  if (programme.archivedAt)
    throw new AppError("CONFLICT", "This programme is archived. Restore it before adding RFPs to it.");
  const source = await sourceOf(db, org, input);
  const programmeStages = programme.stages as StageCode[];
  const stages = input.stages ?? defaultScope(programmeStages, source.covered);
  const outside = stages.filter((s) => !programmeStages.includes(s));
  if (outside.length)
    throw new AppError(
      "BAD_REQUEST",
      `${outside.map(stageLabel).join(", ")} ${outside.length === 1 ? "is not a stage" : "are not stages"} of this programme. Add ${outside.length === 1 ? "it" : "them"} to the programme first, or leave ${outside.length === 1 ? "it" : "them"} out.`,
      { field: "stages" },
    );
  // Fresh ids on everything, then exactly one price line per stage in scope.
  const content = input.from === "blank" ? blankContent(stages) : fitPriceLines(copyContent(source.content), stages);
  const weights = ZRfpWeights.safeParse(source.weights).success ? source.weights : DEFAULT_WEIGHTS;
  const title = input.title ?? source.title(programme.name).slice(0, 200);
  const rfp = await db.rfp.create({
    data: {
      programmeId: programme.id,
      title,
      summary: source.summary,
      stages,
      content: content as unknown as Prisma.InputJsonValue,
      weights: weights as Prisma.InputJsonValue,
      timeZone: input.timeZone ?? source.timeZone ?? "UTC",
      sealed: source.sealed,
      committeeOpening: source.committeeOpening,
      templateKey: source.templateKey,
      copiedFromId: source.copiedFromId,
      createdById: actor?.id ?? null,
    },
  });
  await recordAudit(db, {
    actor,
    action: "rfp.created",
    entityType: "Rfp",
    entityId: rfp.id,
    changes: {
      title: { old: null, new: rfp.title },
      programmeId: { old: null, new: programme.id },
      status: { old: null, new: rfp.status },
      stages: { old: null, new: rfp.stages },
      source: { old: null, new: input.from },
      templateKey: { old: null, new: rfp.templateKey },
      copiedFromId: { old: null, new: rfp.copiedFromId },
      sections: { old: null, new: content.sections.map((s) => s.title) },
      questions: { old: null, new: questionCount(content) },
      weights: { old: null, new: weights },
      sealed: { old: null, new: rfp.sealed },
    },
  });
  return { id: rfp.id, programmeId: programme.id, version: rfp.version };
}

/** Duplicate one of the organisation's RFPs as a new draft (same programme unless another is named). */
export async function copyRfp(db: TenantDb, actor: Actor, org: ProgrammeOrg, input: TCopyRfpInput) {
  assertCan(org, "rfp.write");
  const source = await db.rfp.findFirst({
    where: { id: input.rfpId, organizationId: org.id },
    select: { id: true, programmeId: true },
  });
  if (!source) throw notFound("The RFP to copy");
  const target = input.programmeId ?? source.programmeId;
  const programme = await findProgramme(db, org, target);
  // Keep the source's scope where the target programme has those stages.
  return createRfp(db, actor, org, {
    programmeId: programme.id,
    from: "copy",
    copyFromId: source.id,
    title: input.title,
  });
}
