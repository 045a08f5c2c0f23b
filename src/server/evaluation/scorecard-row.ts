import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { evaluableRfp, readScorecard, type EvalOrg, type ScorecardRow } from "./load";

// The scorecard a write works on. It is saved the first time anyone writes (the default tree from
// the RFP's weights until then); two first writes at once both land on the same row, because the
// insert skips a duplicate and both then read the one that won.

export type WritableCard = ScorecardRow & { id: string };

export async function writableScorecard(db: TenantDb, org: EvalOrg, rfpId: string): Promise<WritableCard> {
  const rfp = await evaluableRfp(db, org, rfpId);
  if (rfp.effective === "CANCELLED")
    throw new AppError("PRECONDITION_FAILED", "This RFP was cancelled; its evaluation can no longer change.");
  const extra = await db.rfp.findFirst({ where: { id: rfp.id }, select: { weights: true } });
  let card = await readScorecard(db, rfp.id, extra?.weights);
  if (!card.id) {
    await db.scorecard.createMany({
      data: {
        rfpId: rfp.id,
        scaleMin: card.scale.min,
        scaleMax: card.scale.max,
        criteria: card.criteria as unknown as Prisma.InputJsonValue,
      },
      skipDuplicates: true,
    });
    card = await readScorecard(db, rfp.id, extra?.weights);
  }
  return { ...card, id: card.id! };
}

export function assertUnlocked(card: ScorecardRow): void {
  if (card.lockedAt)
    throw new AppError(
      "PRECONDITION_FAILED",
      "The scorecard is locked. A lead must unlock it (with a reason) before anything changes.",
    );
}

/** Compare-and-set on the scorecard's version, so two leads' edits never overwrite each other. */
export async function bumpVersion(
  db: TenantDb,
  card: { id: string },
  version: number,
  data: Prisma.ScorecardUpdateManyMutationInput = {},
) {
  const n = await db.scorecard.updateMany({
    where: { id: card.id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (n.count !== 1)
    throw new AppError(
      "CONFLICT",
      "Someone else changed this scorecard while you were working on it. Reload it and make your change again.",
    );
  return version + 1;
}
