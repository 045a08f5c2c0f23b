import type { TenantDb } from "../db/tenant";
import { roundSeal, type SealedRfp } from "../rfps/sealing";

// Each CDMO's latest submitted response to a sponsor's RFP, as the sponsor may see it now: the
// answers when that round's seal allows, "sealed" when its prices are still closed, "none" when
// the CDMO has submitted nothing. The evaluation's price prefill and the portfolio's offers both
// read responses through here, so they can never disagree on which quote counts.

export type VisibleAnswers =
  | { kind: "none" }
  | { kind: "sealed"; round: number }
  | { kind: "answers"; round: number; answers: Record<string, unknown> };

export async function latestVisibleAnswers(
  db: TenantDb,
  rfp: SealedRfp,
  sponsorOrgId: string,
  vendorOrgIds: (string | null)[],
  now: Date,
): Promise<Map<string, VisibleAnswers>> {
  const responses = await db.rfpResponse.findMany({
    where: { rfpId: rfp.id, sponsorOrganizationId: sponsorOrgId, submittedAt: { not: null } },
    select: { organizationId: true, round: true, answers: true },
    orderBy: { round: "desc" },
  });
  const visible = new Map<number, boolean>();
  for (const round of new Set(responses.map((r) => r.round)))
    visible.set(round, (await roundSeal(db, rfp, round, now)).state.visible);
  const out = new Map<string, VisibleAnswers>();
  for (const orgId of vendorOrgIds) {
    if (!orgId) continue;
    const latest = responses.find((r) => r.organizationId === orgId);
    out.set(
      orgId,
      !latest
        ? { kind: "none" }
        : !visible.get(latest.round)
          ? { kind: "sealed", round: latest.round }
          : { kind: "answers", round: latest.round, answers: (latest.answers ?? {}) as Record<string, unknown> },
    );
  }
  return out;
}
