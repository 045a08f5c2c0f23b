import type { TenantDb } from "../db/tenant";
import { computeScorecard } from "../decision";
import { AppError } from "../errors/app-error";
import { directoryRecords, evaluationVendors, loadEvaluation, type EvalOrg } from "../evaluation/load";
import { latestVisibleAnswers } from "../responses/visible-answers";
import { allQuestions, ZRfpContent, type NumberRole } from "../rfps/content";
import { effectiveStatus } from "../rfps/lifecycle";
import { sponsorRfp } from "../rfps/sealing";
import { STAGE_CODES, type StageCode } from "../vendors/catalog";
import type { FactOffer, FactVendor, PortfolioFacts } from "./build";

// The facts a programme's portfolio comparison starts from, read for one of its RFPs: who
// responded, what each quoted per stage (price, weeks, range), the bundle discount it offered,
// the quality history this sponsor sees, and the evaluation's total where the team's scores are
// visible to this user (blind scoring hides them until they submit). Nothing is edited here.

const isStage = (s: string): s is StageCode => (STAGE_CODES as readonly string[]).includes(s);

export type RfpChoice = { id: string; title: string; status: string; responses: number };

export async function programmeForPortfolio(db: TenantDb, programmeId: string) {
  const programme = await db.programme.findFirst({
    where: { id: programmeId },
    select: {
      id: true,
      name: true,
      currency: true,
      stages: true,
      budget: true,
      targetDate: true,
      startDate: true,
      assumptions: true,
      archivedAt: true,
    },
  });
  if (!programme) throw new AppError("NOT_FOUND", "The programme was not found.");
  return programme;
}

/** The programme's RFPs a portfolio can be built from (published at least once, not cancelled), newest first. */
export async function rfpChoices(db: TenantDb, orgId: string, programmeId: string, now: Date): Promise<RfpChoice[]> {
  const rfps = await db.rfp.findMany({
    where: { programmeId, status: { notIn: ["DRAFT", "CANCELLED"] } },
    select: { id: true, title: true, status: true, dueAt: true, closedAt: true, publishedAt: true },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
  });
  const counts = await db.rfpResponse.groupBy({
    by: ["rfpId"],
    // The sponsor's id first: the (sponsorOrganizationId, rfpId, submittedAt) index answers it
    // (without it PostgreSQL filtered every response of the programme's RFPs row by row).
    where: { sponsorOrganizationId: orgId, rfpId: { in: rfps.map((r) => r.id) }, submittedAt: { not: null }, round: 1 },
    _count: { _all: true },
  });
  return rfps.map((r) => ({
    id: r.id,
    title: r.title,
    status: effectiveStatus(r, now),
    responses: counts.find((c) => c.rfpId === r.id)?._count._all ?? 0,
  }));
}

export async function loadPortfolioFacts(
  db: TenantDb,
  org: EvalOrg,
  userId: string,
  programme: { stages: string[] },
  rfpId: string,
  now = new Date(),
): Promise<PortfolioFacts & { offerScoreNote: string | null; sealed: string[] }> {
  const rfp = await sponsorRfp(db, org.id, rfpId);
  const [row, invited, evaluation] = await Promise.all([
    db.rfp.findFirst({ where: { id: rfpId }, select: { content: true } }),
    evaluationVendors(db, rfpId),
    loadEvaluation(db, org, userId, rfpId, now),
  ]);
  const content = ZRfpContent.safeParse(row?.content);
  const questions = content.success ? allQuestions(content.data).map((x) => x.question) : [];
  const priceLines = questions.flatMap((q) => (q.kind === "price" ? [{ id: q.id, stage: q.stage }] : []));
  const roleId = (role: NumberRole) => questions.find((q) => q.kind === "number" && q.role === role)?.id;
  const rateId = roleId("bundleRate");
  const minId = roleId("bundleMinStages");
  const [answers, records] = await Promise.all([
    latestVisibleAnswers(
      db,
      rfp,
      org.id,
      invited.map((v) => v.vendorOrganizationId),
      now,
    ),
    directoryRecords(db, invited),
  ]);
  const totals = evaluation.input ? computeScorecard(evaluation.input).vendors : [];
  const stages = programme.stages.filter(isStage);

  const vendors: FactVendor[] = [];
  const offers: FactOffer[] = [];
  const sealed: string[] = [];
  for (const v of invited) {
    const seen = v.vendorOrganizationId ? answers.get(v.vendorOrganizationId) : undefined;
    if (seen?.kind === "sealed") sealed.push(v.displayName);
    if (seen?.kind !== "answers") continue;
    const a = seen.answers as Record<string, Record<string, unknown> | undefined>;
    for (const line of priceLines) {
      const p = a[line.id];
      if (!p || typeof p.price !== "number" || typeof p.durationWeeks !== "number") continue;
      offers.push({
        vendorId: v.id,
        stageId: line.stage,
        price: p.price,
        durationWeeks: p.durationWeeks,
        ...(typeof p.minWeeks === "number" ? { minWeeks: p.minWeeks } : {}),
        ...(typeof p.maxWeeks === "number" ? { maxWeeks: p.maxWeeks } : {}),
        ...(typeof p.includes === "string" ? { includes: p.includes } : {}),
      });
    }
    const rate = rateId ? numberAnswer(a[rateId]) : null;
    const minStages = minId ? numberAnswer(a[minId]) : null;
    const total = totals.find((t) => t.vendorId === v.id)?.total ?? null;
    vendors.push({
      id: v.id,
      name: v.displayName,
      qualityScore: records.get(v.id)?.quality ?? null,
      offerScore: total,
      bundle:
        rate !== null && rate > 0 && minStages !== null && minStages >= 2
          ? { rate: Math.min(rate, 50) / 100, minStages: Math.round(minStages) }
          : null,
    });
  }
  return {
    stages,
    vendors,
    offers,
    sealed,
    offerScoreNote: evaluation.input
      ? null
      : "Offer scores appear once you submit your own scores (this evaluation is blind until then).",
  };
}

function numberAnswer(a: unknown): number | null {
  const v = (a as { value?: unknown } | undefined)?.value;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
