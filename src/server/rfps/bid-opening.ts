import { recordAudit, type Actor } from "../audit/record-audit";
import { userNames } from "../db/globals";
import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { pickRound, roundSeal, sealedMessage, sponsorRfp, type RoundSeal } from "./sealing";

// The committee opening of sealed bids, as public tenders do it: after the due date, two
// different sponsor members each "open the bids"; prices become visible with the second. One
// member opening twice counts once (the unique (rfpId, round, userId) row), and an opening
// before the due date is refused, so every counted opening happened after the deadline.

export type BidStatus = Omit<RoundSeal, "openings"> & {
  rfpId: string;
  rounds: number;
  timeZone: string;
  /** Responses submitted in this round, and when (all a sealed round tells). */
  submissions: { count: number; times: Date[] };
  openings: { name: string; at: Date; mine: boolean }[];
  openedByMe: boolean;
  /** Whether the caller can record an opening now. */
  canOpen: boolean;
  message: string;
};

export async function bidStatus(
  db: TenantDb,
  me: { userId: string; orgId: string },
  input: { rfpId: string; round?: number },
  now = new Date(),
): Promise<BidStatus> {
  const rfp = await sponsorRfp(db, me.orgId, input.rfpId);
  const round = pickRound(rfp, input.round);
  const seal = await roundSeal(db, rfp, round, now);
  const submitted = await db.rfpResponse.findMany({
    where: { rfpId: rfp.id, sponsorOrganizationId: me.orgId, round, submittedAt: { not: null } },
    select: { submittedAt: true },
    orderBy: { submittedAt: "asc" },
  });
  const names = await userNames(
    db,
    seal.openings.map((o) => o.userId),
  );
  const openedByMe = seal.openings.some((o) => o.userId === me.userId);
  const { openings, ...rest } = seal;
  return {
    ...rest,
    rfpId: rfp.id,
    rounds: rfp.round,
    timeZone: rfp.timeZone,
    submissions: { count: submitted.length, times: submitted.map((s) => s.submittedAt!) },
    openings: openings.map((o) => ({
      name: names.get(o.userId) ?? "A former member",
      at: o.at,
      mine: o.userId === me.userId,
    })),
    openedByMe,
    canOpen:
      rfp.sealed &&
      rfp.committeeOpening &&
      seal.duePassed &&
      !seal.cancelledUnopened &&
      !openedByMe &&
      !seal.state.visible,
    message: sealedMessage(seal, rfp.timeZone),
  };
}

/** Record the caller's opening of a round's sealed bids (idempotent per member), audited. */
export async function openBids(
  db: TenantDb,
  actor: Actor & object,
  me: { userId: string; orgId: string },
  input: { rfpId: string; round?: number },
  now = new Date(),
): Promise<BidStatus> {
  const rfp = await sponsorRfp(db, me.orgId, input.rfpId);
  const round = pickRound(rfp, input.round);
  if (!rfp.sealed || !rfp.committeeOpening)
    throw new AppError(
      "BAD_REQUEST",
      rfp.sealed
        ? "This RFP's sealed bids open by themselves at the due date; there is nothing to open."
        : "This RFP is not sealed: its responses are visible as they arrive.",
    );
  const before = await roundSeal(db, rfp, round, now);
  if (before.cancelledUnopened) throw new AppError("CONFLICT", sealedMessage(before, rfp.timeZone));
  if (!before.duePassed)
    throw new AppError(
      "CONFLICT",
      `The bids can be opened once the due date has passed. ${sealedMessage(before, rfp.timeZone)}`,
    );
  const { count } = await db.bidOpening.createMany({
    data: [{ rfpId: rfp.id, round, userId: me.userId }],
    skipDuplicates: true,
  });
  if (count > 0) {
    const after = await roundSeal(db, rfp, round, now);
    await recordAudit(db, {
      actor,
      action: "rfp.bidsOpened",
      entityType: "Rfp",
      entityId: rfp.id,
      changes: {
        round: { old: null, new: round },
        openings: { old: before.openings.length, new: after.openings.length },
        pricesVisible: { old: before.state.visible, new: after.state.visible },
      },
    });
  }
  return bidStatus(db, me, { rfpId: rfp.id, round }, now);
}
