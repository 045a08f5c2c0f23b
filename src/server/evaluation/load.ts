import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { can, type OrgAccess } from "../auth/permissions";
import type { Role } from "../api/roles";
import { ZRfpContent, ZRfpWeights, DEFAULT_WEIGHTS, type RfpContent } from "../rfps/content";
import { effectiveStatus } from "../rfps/lifecycle";
import { sponsorRfp } from "../rfps/sealing";
import { latestVisibleAnswers } from "../responses/visible-answers";
import { ZCriteriaTree } from "./criteria-schema";
import { defaultCriteria, leavesOf, toDecisionCriteria, type AutoSource, type Criterion } from "./criteria";
import { handoffPrefill, pricePrefills, qualityPrefill, type PriceFact, type Prefill, type Scale } from "./prefill";
import type { TScorecardInput } from "../decision";

// Everything the evaluation pages show for one RFP, read in one go. The decision-core input
// (`input`) is built here once, from the scores this user may see, so the page, the exports and
// `cdmo scorecard` compute from the same document.

export type EvalOrg = OrgAccess & { id: string };
export const AUTO_EVALUATOR = "auto";

export type ScorecardRow = {
  id: string | null;
  version: number; // 0 while the default has not been saved yet
  scale: Scale;
  aggregation: "mean" | "median";
  weightMode: "percent" | "points";
  criteria: Criterion[];
  blind: boolean;
  lockedAt: Date | null;
  lockedBy: string | null;
};

export async function evaluableRfp(db: TenantDb, org: EvalOrg, rfpId: string, now = new Date()) {
  const rfp = await sponsorRfp(db, org.id, rfpId);
  const status = effectiveStatus(rfp, now);
  if (status === "DRAFT")
    throw new AppError("PRECONDITION_FAILED", "This RFP is still a draft. Publish it before evaluating responses.");
  return { ...rfp, effective: status };
}

/** The stored scorecard, or the default one the RFP's weights imply (version 0) when none is saved yet. */
export async function readScorecard(db: TenantDb, rfpId: string, weights: unknown): Promise<ScorecardRow> {
  const row = await db.scorecard.findFirst({ where: { rfpId } });
  if (!row) {
    const w = ZRfpWeights.safeParse(weights);
    return {
      id: null,
      version: 0,
      scale: { min: 0, max: 5 },
      aggregation: "mean",
      weightMode: "percent",
      criteria: defaultCriteria(w.success ? w.data : DEFAULT_WEIGHTS),
      blind: false,
      lockedAt: null,
      lockedBy: null,
    };
  }
  const criteria = ZCriteriaTree.safeParse(row.criteria);
  return {
    id: row.id,
    version: row.version,
    scale: { min: row.scaleMin, max: row.scaleMax },
    aggregation: row.aggregation === "MEDIAN" ? "median" : "mean",
    weightMode: row.weightMode === "POINTS" ? "points" : "percent",
    criteria: criteria.success ? criteria.data : defaultCriteria(DEFAULT_WEIGHTS),
    blind: row.blind,
    lockedAt: row.lockedAt,
    lockedBy: row.lockedById,
  };
}

/** The invited vendors a team scores: invitations that went out, were not withdrawn and not declined. */
export async function evaluationVendors(db: TenantDb, rfpId: string) {
  const rows = await db.rfpInvitation.findMany({
    where: { rfpId, sentAt: { not: null }, revokedAt: null },
    select: {
      id: true,
      displayName: true,
      vendorId: true,
      vendorOrganizationId: true,
      participation: { select: { declinedAt: true, submittedAt: true } },
    },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return rows.filter((r) => !r.participation?.declinedAt);
}

type VendorRow = Awaited<ReturnType<typeof evaluationVendors>>[number];

/** The directory record behind each invitation: the one invited from, else the CDMO's platform profile. */
export async function directoryRecords(db: TenantDb, vendors: VendorRow[]) {
  const orgIds = vendors.flatMap((v) => (!v.vendorId && v.vendorOrganizationId ? [v.vendorOrganizationId] : []));
  const ids = vendors.flatMap((v) => (v.vendorId ? [v.vendorId] : []));
  const records = await db.vendor.findMany({
    where: { OR: [{ id: { in: ids } }, { organizationId: { in: orgIds }, kind: "PLATFORM", isPublic: true }] },
    select: { id: true, organizationId: true, kind: true, stages: true, qualityScore: true },
  });
  const views = await db.vendorQualityView.findMany({
    where: { vendorId: { in: records.map((r) => r.id) } },
    select: { vendorId: true, qualityScore: true },
  });
  const viewOf = new Map(views.map((v) => [v.vendorId, v.qualityScore]));
  const out = new Map<string, { stages: string[]; quality: number | null }>();
  for (const v of vendors) {
    const r = v.vendorId
      ? records.find((x) => x.id === v.vendorId)
      : records.find((x) => x.kind === "PLATFORM" && x.organizationId === v.vendorOrganizationId);
    // What this sponsor sees of the vendor: its own view of the history when it keeps one.
    if (r) out.set(v.id, { stages: r.stages, quality: viewOf.has(r.id) ? viewOf.get(r.id)! : r.qualityScore });
  }
  return out;
}

function priceLines(content: RfpContent): string[] {
  return content.sections.flatMap((s) => s.questions.filter((q) => q.kind === "price").map((q) => q.id));
}

/** Each vendor's latest submitted quote, when its round's seal allows the sponsor to see it. */
async function priceFacts(
  db: TenantDb,
  rfp: Awaited<ReturnType<typeof evaluableRfp>>,
  content: RfpContent,
  vendors: VendorRow[],
  orgId: string,
  now: Date,
): Promise<Map<string, PriceFact>> {
  const lines = priceLines(content);
  const seen = await latestVisibleAnswers(
    db,
    rfp,
    orgId,
    vendors.map((v) => v.vendorOrganizationId),
    now,
  );
  const facts = new Map<string, PriceFact>();
  for (const v of vendors) {
    const latest = v.vendorOrganizationId ? seen.get(v.vendorOrganizationId) : undefined;
    if (!latest || latest.kind === "none") facts.set(v.id, { kind: "none" });
    else if (latest.kind === "sealed") facts.set(v.id, { kind: "sealed" });
    else {
      const answers = latest.answers as Record<string, { price?: unknown } | undefined>;
      const quoted: Record<string, number> = {};
      for (const id of lines) {
        const price = answers[id]?.price;
        if (typeof price === "number" && Number.isFinite(price)) quoted[id] = price;
      }
      facts.set(v.id, { kind: "quote", lines: quoted });
    }
  }
  return facts;
}

type ScoreRowLike = { invitationId: string; criterionId: string; evaluatorId: string; value: number };

/** Evaluators' scores that count: on a vendor still in the evaluation and a leaf people score. */
export function peopleScores<S extends ScoreRowLike>(
  criteria: Criterion[],
  vendors: { id: string }[],
  scores: readonly S[],
): S[] {
  const vendorIds = new Set(vendors.map((v) => v.id));
  const leafIds = new Set(
    leavesOf(criteria)
      .filter((l) => !l.auto)
      .map((l) => l.id),
  );
  return scores.filter((s) => vendorIds.has(s.invitationId) && leafIds.has(s.criterionId));
}

/** The decision core's scorecard input: the evaluators' scores plus each automatic leaf's value. */
export function decisionInput(
  card: Pick<ScorecardRow, "scale" | "aggregation" | "criteria">,
  vendors: { id: string }[],
  scores: ScoreRowLike[],
  auto: { vendorId: string; criterionId: string; value: number | null }[] = [],
): TScorecardInput {
  return {
    scale: card.scale,
    aggregation: card.aggregation,
    criteria: toDecisionCriteria(card.criteria),
    vendors: vendors.map((v) => v.id),
    scores: [
      ...scores.map((s) => ({
        vendorId: s.invitationId,
        criterionId: s.criterionId,
        evaluatorId: s.evaluatorId,
        value: s.value,
      })),
      ...auto.flatMap((a) =>
        a.value === null
          ? []
          : [{ vendorId: a.vendorId, criterionId: a.criterionId, evaluatorId: AUTO_EVALUATOR, value: a.value }],
      ),
    ],
  };
}

export type AutoCell = {
  vendorId: string;
  criterionId: string;
  source: AutoSource;
  prefill: Prefill;
  override: { value: number; reason: string; byId: string | null; at: Date } | null;
  /** What counts: the override when there is one, else the prefill. */
  value: number | null;
};

export async function loadEvaluation(db: TenantDb, org: EvalOrg, userId: string, rfpId: string, now = new Date()) {
  const rfp = await evaluableRfp(db, org, rfpId, now);
  const extra = await db.rfp.findFirst({
    where: { id: rfp.id },
    select: {
      weights: true,
      content: true,
      programme: { select: { id: true, name: true, stages: true, currency: true } },
    },
  });
  if (!extra) throw new AppError("NOT_FOUND", "The RFP was not found.");
  const card = await readScorecard(db, rfp.id, extra.weights);
  const parsedContent = ZRfpContent.safeParse(extra.content);
  const content: RfpContent = parsedContent.success ? parsedContent.data : { sections: [] };
  const vendors = await evaluationVendors(db, rfp.id);
  const [records, prices, members, rows] = await Promise.all([
    directoryRecords(db, vendors),
    priceFacts(db, rfp, content, vendors, org.id, now),
    db.membership.findMany({
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
    card.id
      ? Promise.all([
          db.score.findMany({ where: { scorecardId: card.id } }),
          db.scoreSubmission.findMany({ where: { scorecardId: card.id } }),
          db.scoreOverride.findMany({ where: { scorecardId: card.id } }),
          db.scoreRationale.findMany({ where: { scorecardId: card.id } }),
        ])
      : Promise.resolve([[], [], [], []] as const),
  ]);
  const [scores, submissions, overrides, rationales] = rows;

  const submittedAt = new Map(submissions.map((s) => [s.evaluatorId, s.submittedAt]));
  const mySubmission = submittedAt.get(userId) ?? null;
  const canScore = can(org, "evaluation.score");
  const canManage = can(org, "evaluation.manage");
  // Blind mode: until you submit (or the lead locks the scorecard) you see only your own scores.
  const seesAll = !card.blind || !!card.lockedAt || !!mySubmission;
  const visibleScores = seesAll ? scores : scores.filter((s) => s.evaluatorId === userId);

  const leaves = leavesOf(card.criteria);
  const priceBy = pricePrefills(prices, card.scale);
  const auto: AutoCell[] = [];
  for (const leaf of leaves) {
    if (!leaf.auto) continue;
    for (const v of vendors) {
      const rec = records.get(v.id);
      const prefill =
        leaf.auto === "price"
          ? (priceBy.get(v.id) ?? { value: null, basis: "No submitted quote." })
          : leaf.auto === "quality"
            ? qualityPrefill(rec?.quality ?? null, card.scale)
            : rec
              ? handoffPrefill(
                  extra.programme.stages.filter((s) => rec.stages.includes(s)).length,
                  extra.programme.stages.length,
                  card.scale,
                )
              : { value: null, basis: "No directory record for this vendor." };
      const o = overrides.find((x) => x.invitationId === v.id && x.criterionId === leaf.id);
      const override = o ? { value: o.value, reason: o.reason, byId: o.byId, at: o.at } : null;
      auto.push({
        vendorId: v.id,
        criterionId: leaf.id,
        source: leaf.auto,
        prefill,
        override,
        value: override?.value ?? prefill.value,
      });
    }
  }

  const evaluatorScores = peopleScores(card.criteria, vendors, visibleScores);
  const input = decisionInput(card, vendors, evaluatorScores, auto);

  const name = (id: string | null) => {
    const m = members.find((x) => x.user.id === id);
    return m ? m.user.name || m.user.email : null;
  };
  const scorers = members.filter((m) => can({ kind: org.kind, role: m.role as Role }, "evaluation.score"));
  const evaluatorIds = new Set([...scorers.map((m) => m.user.id), ...scores.map((s) => s.evaluatorId)]);
  return {
    rfp: {
      id: rfp.id,
      title: rfp.title,
      status: rfp.effective,
      programme: { id: extra.programme.id, name: extra.programme.name },
      currency: extra.programme.currency,
    },
    scorecard: { ...card, lockedByName: name(card.lockedBy) },
    vendors: vendors.map((v) => ({ id: v.id, name: v.displayName, responded: !!v.participation?.submittedAt })),
    evaluators: [...evaluatorIds].map((id) => ({
      id,
      name: name(id) ?? "A former member",
      submittedAt: submittedAt.get(id) ?? null,
      scored: scores.filter((s) => s.evaluatorId === id).length,
    })),
    me: { id: userId, canScore, canManage, submittedAt: mySubmission, seesAll },
    scores: evaluatorScores.map((s) => ({
      vendorId: s.invitationId,
      criterionId: s.criterionId,
      evaluatorId: s.evaluatorId,
      value: s.value,
      comment: s.comment,
      version: s.version,
    })),
    auto: auto.map((a) => ({ ...a, override: a.override ? { ...a.override, byName: name(a.override.byId) } : null })),
    rationales: rationales.map((r) => ({
      vendorId: r.invitationId,
      criterionId: r.criterionId,
      text: r.text,
      byName: name(r.byId),
      at: r.at,
    })),
    /** The decision-core input behind every number; null while blind mode hides the others' scores. */
    input: seesAll ? input : null,
  };
}

export type EvaluationView = Awaited<ReturnType<typeof loadEvaluation>>;
