import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { COMMITTEE_QUORUM, sealState, type SealState } from "./seal";

// The one server-side answer to "may this sponsor see the responses of this round yet?". Every
// path that hands a sponsor answers (the matrix, its CSV and XLSX exports, a response's files)
// asks it. A sealed round stays closed until its due date and, with committee opening, until
// two different sponsor members have opened the bids; until then the sponsor learns how many
// responses arrived and when, nothing more (no prices, no other answers, no files).

export type SealedRfp = {
  id: string;
  organizationId: string;
  title: string;
  status: "DRAFT" | "PUBLISHED" | "CLOSED" | "AWARDED" | "CANCELLED";
  dueAt: Date | null;
  timeZone: string;
  sealed: boolean;
  committeeOpening: boolean;
  round: number;
  cancelledAt: Date | null;
};

const SEALED_RFP_FIELDS = {
  id: true,
  organizationId: true,
  title: true,
  status: true,
  dueAt: true,
  timeZone: true,
  sealed: true,
  committeeOpening: true,
  round: true,
  cancelledAt: true,
} as const;

/** The sponsor's own RFP (never one another organisation shares), or NOT_FOUND. */
export async function sponsorRfp(db: TenantDb, orgId: string, rfpId: string): Promise<SealedRfp> {
  const rfp = await db.rfp.findFirst({ where: { id: rfpId, organizationId: orgId }, select: SEALED_RFP_FIELDS });
  if (!rfp) throw new AppError("NOT_FOUND", "The RFP was not found.");
  return rfp;
}

/** A round of the RFP: the one in progress when absent; refused outside 1..current. */
export function pickRound(rfp: Pick<SealedRfp, "round">, round: number | undefined): number {
  if (round === undefined) return rfp.round;
  if (round < 1 || round > rfp.round)
    throw new AppError(
      "BAD_REQUEST",
      rfp.round === 1 ? "This RFP has one round." : `Choose a round from 1 to ${rfp.round}.`,
      { field: "round" },
    );
  return round;
}

// An earlier round's due date has passed by construction: a revision round opens only once the
// previous round has closed. Its exact date is not kept, so it reads as "long ago".
const PASSED = new Date(0);

export type RoundSeal = {
  round: number;
  sealed: boolean;
  committeeOpening: boolean;
  /** The round's due date (the RFP's own for the round in progress; null for an earlier one). */
  dueAt: Date | null;
  duePassed: boolean;
  /** Cancelled before its due date: sealed bids of such an RFP are never opened. */
  cancelledUnopened: boolean;
  state: SealState;
  quorum: number;
  /** Distinct members who opened this round's bids, first opening first. */
  openings: { userId: string; at: Date }[];
};

/** Whether the sponsor may see this round's responses at `now`, and why not. */
export async function roundSeal(db: TenantDb, rfp: SealedRfp, round: number, now: Date): Promise<RoundSeal> {
  const rows =
    rfp.sealed && rfp.committeeOpening
      ? await db.bidOpening.findMany({
          where: { rfpId: rfp.id, round },
          orderBy: [{ at: "asc" }, { id: "asc" }],
          select: { userId: true, at: true },
        })
      : [];
  return roundSealFrom(rfp, round, rows, now);
}

/** roundSeal for a caller that read the round's bid openings (oldest first) with the RFP. */
export function roundSealFrom(
  rfp: SealedRfp,
  round: number,
  rows: { userId: string; at: Date }[],
  now: Date,
): RoundSeal {
  const current = round >= rfp.round;
  const dueAt = current ? rfp.dueAt : PASSED;
  const seen = new Set<string>();
  const openings = rows.filter((o) => (seen.has(o.userId) ? false : (seen.add(o.userId), true)));
  const cancelledUnopened =
    rfp.sealed &&
    current &&
    rfp.status === "CANCELLED" &&
    (!rfp.dueAt || !rfp.cancelledAt || rfp.cancelledAt.getTime() < rfp.dueAt.getTime());
  const state: SealState = cancelledUnopened
    ? { visible: false, reason: "before-due-date", opensAt: null }
    : sealState({ sealed: rfp.sealed, committeeOpening: rfp.committeeOpening, dueAt }, openings.length, now);
  return {
    round,
    sealed: rfp.sealed,
    committeeOpening: rfp.committeeOpening,
    dueAt: current ? rfp.dueAt : null,
    duePassed: !!dueAt && dueAt.getTime() <= now.getTime(),
    cancelledUnopened,
    state,
    quorum: COMMITTEE_QUORUM,
    openings,
  };
}

/** The sentence a refused read answers with. */
export function sealedMessage(seal: RoundSeal, timeZone = "UTC"): string {
  if (seal.cancelledUnopened) return "This RFP was cancelled before its due date; its sealed bids stay sealed.";
  if (seal.state.visible) return "";
  if (seal.state.reason === "awaiting-committee")
    return `The bids are sealed until ${seal.state.openingsNeeded === 1 ? "one more sponsor member opens them" : `${seal.state.openingsNeeded} sponsor members open them`}.`;
  const at = seal.state.opensAt;
  return at
    ? `The bids are sealed until the due date (${formatInZone(at, timeZone)}).`
    : "The bids are sealed until the due date, which is not set yet.";
}

function formatInZone(at: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
      timeZoneName: "short",
    }).format(at);
  } catch {
    return at.toISOString();
  }
}

/**
 * Throws PRECONDITION_FAILED unless the sponsor (`orgId`, acting through `db`) may see the
 * responses of `round` of its RFP at `now`. For callers outside this module (files, exports).
 */
export async function assertSponsorMaySeeResponses(
  db: TenantDb,
  orgId: string,
  rfpId: string,
  round: number,
  now = new Date(),
): Promise<void> {
  const rfp = await sponsorRfp(db, orgId, rfpId);
  const seal = await roundSeal(db, rfp, pickRound(rfp, Math.min(round, rfp.round)), now);
  if (!seal.state.visible) throw new AppError("PRECONDITION_FAILED", sealedMessage(seal, rfp.timeZone));
}

/** The same check answered as a boolean. */
export async function sponsorMaySeeResponses(
  db: TenantDb,
  orgId: string,
  rfpId: string,
  round: number,
  now = new Date(),
): Promise<boolean> {
  const rfp = await sponsorRfp(db, orgId, rfpId);
  return (await roundSeal(db, rfp, pickRound(rfp, Math.min(Math.max(round, 1), rfp.round)), now)).state.visible;
}
