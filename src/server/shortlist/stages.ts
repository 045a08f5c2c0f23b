// The board's stages and limits, for the pages as well as the procedures: no zod here, so a
// page that only labels stages does not load the input schemas (./schemas).
export const SHORTLIST_STAGES = [
  { code: "LONG", label: "Long list" },
  { code: "SHORT", label: "Shortlist" },
  { code: "SELECTED", label: "Selected" },
] as const;
export type ShortlistStage = (typeof SHORTLIST_STAGES)[number]["code"];

export const stageLabel = (code: string) => SHORTLIST_STAGES.find((s) => s.code === code)?.label ?? code;

/** A column holds at most this many vendors: a board anyone can still read and drag. */
export const SHORTLIST_MAX_ENTRIES = 200;
export const COMMENT_MAX = 4000;
