// Input schemas of the shortlist board, shared by the tRPC router and the board's forms.
// Browser-safe: zod and the shared building blocks only. Pages take labels and limits from ./stages.
import { z } from "zod";
import { zId, zInt, zText, zVersion } from "../validation";

import { COMMENT_MAX, SHORTLIST_MAX_ENTRIES, SHORTLIST_STAGES, type ShortlistStage } from "./stages";

export * from "./stages";

const STAGE_CODES = SHORTLIST_STAGES.map((s) => s.code) as [ShortlistStage, ...ShortlistStage[]];

export const ZShortlistProgrammeInput = z.object({ programmeId: zId });

export const ZShortlistAddInput = z.object({
  programmeId: zId,
  vendorId: zId,
});

export const ZShortlistMoveInput = z.object({
  entryId: zId,
  stage: z.enum(STAGE_CODES, { error: "Choose a column: Long list, Shortlist or Selected." }),
  /** 0-based place in the target column; past the end means last. */
  position: zInt({ min: 0, max: SHORTLIST_MAX_ENTRIES, maxMessage: "Choose a place within the column." }),
  version: zVersion,
});
export type TShortlistMoveInput = z.output<typeof ZShortlistMoveInput>;

export const ZShortlistRemoveInput = z.object({ entryId: zId, version: zVersion });

export const ZShortlistVoteInput = z.object({
  entryId: zId,
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], {
    error: "Vote 1 (for), -1 (against) or 0 (take your vote back).",
  }),
});

export const ZShortlistCommentInput = z.object({
  entryId: zId,
  body: zText({ min: 1, max: COMMENT_MAX, multiline: true, minMessage: "Write a comment first." }),
  parentId: zId.nullish().transform((v) => v ?? null),
});
export type TShortlistCommentInput = z.output<typeof ZShortlistCommentInput>;

export const ZShortlistEntryInput = z.object({ entryId: zId });

export const ZShortlistActivityInput = z.object({
  programmeId: zId,
  cursor: zId.nullish(),
  limit: zInt({ min: 1, max: 100 }).default(20),
});
