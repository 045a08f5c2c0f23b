import { effectiveStatus, type RfpStatus } from "../rfps/lifecycle";

// The sealed-bid rule as it applies to answer files. The RFP domain's own seal module decides
// prices everywhere else; until it lands this is the one function the file service asks, and it
// should then call that module instead (same inputs). A sponsor sees the files of a sealed
// RFP's responses only once that round's due date has passed (and, with committee opening,
// once two different members have opened the bids of that round). A cancelled RFP's sealed
// bids stay sealed.

export type SealFacts = {
  sealed: boolean;
  committeeOpening: boolean;
  status: RfpStatus;
  dueAt: Date | null;
  round: number;
};

export function sealedContentVisible(
  rfp: SealFacts,
  responseRound: number,
  openings: { round: number; userId: string }[],
  now: Date,
): boolean {
  if (!rfp.sealed) return true;
  const status = effectiveStatus(rfp, now);
  if (status === "CANCELLED" || status === "DRAFT") return false;
  // An earlier round's deadline has passed by construction (a revision round opens a closed RFP).
  const deadlinePassed = responseRound < rfp.round || status === "CLOSED" || status === "AWARDED";
  if (!deadlinePassed) return false;
  if (!rfp.committeeOpening) return true;
  return new Set(openings.filter((o) => o.round === responseRound).map((o) => o.userId)).size >= 2;
}
