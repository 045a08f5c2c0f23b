// Sealed bids: with the sealed option no sponsor user sees any price before the due date (page,
// API, export, audit values), and with committee opening only after two different sponsor
// members have each "opened the bids" once the deadline has passed, as public tenders do.
// Browser-safe and clock-free. Every read path that returns answers to a sponsor must go
// through pricesVisible + redactPrices; the CDMO always sees its own response in full.
import { allQuestions, type RfpContent } from "./content";

/** Distinct sponsor members who must open the bids when committee opening is on. */
export const COMMITTEE_QUORUM = 2;

export type SealSettings = {
  sealed: boolean;
  committeeOpening: boolean;
  /** The due date of the round being read (a revision round seals its own prices until its own due date). */
  dueAt: Date | null;
};

export type SealState =
  | { visible: true }
  | { visible: false; reason: "before-due-date"; opensAt: Date | null }
  | { visible: false; reason: "awaiting-committee"; openingsNeeded: number };

/** Why prices are hidden (or that they are not): what the UI explains to a sponsor. */
export function sealState(rfp: SealSettings, openingsCount: number, now: Date): SealState {
  if (!rfp.sealed) return { visible: true };
  if (!rfp.dueAt || now.getTime() < rfp.dueAt.getTime())
    return { visible: false, reason: "before-due-date", opensAt: rfp.dueAt };
  if (rfp.committeeOpening && openingsCount < COMMITTEE_QUORUM)
    return {
      visible: false,
      reason: "awaiting-committee",
      openingsNeeded: COMMITTEE_QUORUM - Math.max(0, Math.floor(openingsCount)),
    };
  return { visible: true };
}

/**
 * Whether a sponsor may see prices at `now`. `openingsCount` is the number of *distinct* sponsor
 * members who opened the bids after the due date (the service counts distinct users; openings
 * recorded before the due date must not be counted).
 */
export function pricesVisible(rfp: SealSettings, openingsCount: number, now: Date): boolean {
  return sealState(rfp, openingsCount, now).visible;
}

/** Whether a member can record an opening now: sealed with committee opening, and past the due date. */
export function canOpenBids(rfp: SealSettings, now: Date): boolean {
  return rfp.sealed && rfp.committeeOpening && !!rfp.dueAt && now.getTime() >= rfp.dueAt.getTime();
}

export type Redacted = {
  answers: Record<string, unknown>;
  /** Price lines removed. */
  withheld: number;
  /** File answers removed (a quotation attached as a file is a price too). */
  filesWithheld: number;
};

/**
 * The answers with every price line removed, and by default every file answer (files can carry a
 * quotation). Answers to questions the content does not have are dropped as well: an old round's
 * price line under a removed id must not slip through. Never mutates its input.
 */
export function redactPrices(
  content: RfpContent,
  answers: Record<string, unknown>,
  o: { files?: boolean } = {},
): Redacted {
  const kinds = new Map(allQuestions(content).map(({ question }) => [question.id, question.kind] as const));
  const out: Record<string, unknown> = {};
  let withheld = 0;
  let filesWithheld = 0;
  for (const [id, value] of Object.entries(answers)) {
    const kind = kinds.get(id);
    if (kind === undefined || kind === "price") {
      if (kind === "price" || looksLikePrice(value)) withheld++;
      continue;
    }
    if (kind === "file" && o.files !== false) {
      filesWithheld++;
      continue;
    }
    out[id] = value;
  }
  return { answers: out, withheld, filesWithheld };
}

const looksLikePrice = (v: unknown) => typeof v === "object" && v !== null && "price" in v;

/** "2 prices and 1 file are sealed until the due date." — the sentence shown where they would be. */
export function withheldSentence(
  r: Pick<Redacted, "withheld" | "filesWithheld">,
  until = "the bids are opened",
): string {
  const parts: string[] = [];
  if (r.withheld) parts.push(`${r.withheld} ${r.withheld === 1 ? "price" : "prices"}`);
  if (r.filesWithheld) parts.push(`${r.filesWithheld} ${r.filesWithheld === 1 ? "file" : "files"}`);
  if (!parts.length) return "";
  const n = r.withheld + r.filesWithheld;
  return `${parts.join(" and ")} ${n === 1 ? "is" : "are"} sealed until ${until}.`;
}
