import { listShortlistActivity } from "../../shortlist/activity";
import { getBoard } from "../../shortlist/board";
import { commentOnShortlist, listShortlistComments, voteOnShortlist } from "../../shortlist/discussion";
import { addInvitedToShortlist, addToShortlist, moveOnShortlist, removeFromShortlist } from "../../shortlist/entries";
import {
  ZShortlistActivityInput,
  ZShortlistAddInput,
  ZShortlistCommentInput,
  ZShortlistEntryInput,
  ZShortlistMoveInput,
  ZShortlistProgrammeInput,
  ZShortlistRemoveInput,
  ZShortlistVoteInput,
} from "../../shortlist/schemas";
import { orgProcedure, router } from "../trpc";
import { actorOf } from "./vendors-procedures";

// A programme's shortlist board: thin procedures over src/server/shortlist. ctx.db is scoped to
// the organisation named by orgSlug (resolved by orgProcedure).
export const shortlistRouter = router({
  board: orgProcedure("shortlist.read")
    .input(ZShortlistProgrammeInput)
    .query(({ ctx, input }) => getBoard(ctx.db, ctx.org, ctx.user.id, input.programmeId)),
  comments: orgProcedure("shortlist.read")
    .input(ZShortlistEntryInput)
    .query(({ ctx, input }) => listShortlistComments(ctx.db, ctx.org, input.entryId)),
  activity: orgProcedure("shortlist.read")
    .input(ZShortlistActivityInput)
    .query(({ ctx, input }) => listShortlistActivity(ctx.db, ctx.org, input)),
  add: orgProcedure("shortlist.write")
    .input(ZShortlistAddInput)
    .mutation(({ ctx, input }) => addToShortlist(ctx.db, actorOf(ctx.user), ctx.org, input)),
  addInvited: orgProcedure("shortlist.write")
    .input(ZShortlistProgrammeInput)
    .mutation(({ ctx, input }) => addInvitedToShortlist(ctx.db, actorOf(ctx.user), ctx.org, input)),
  move: orgProcedure("shortlist.write")
    .input(ZShortlistMoveInput)
    .mutation(({ ctx, input }) => moveOnShortlist(ctx.db, actorOf(ctx.user), ctx.org, input)),
  remove: orgProcedure("shortlist.write")
    .input(ZShortlistRemoveInput)
    .mutation(({ ctx, input }) => removeFromShortlist(ctx.db, actorOf(ctx.user), ctx.org, input)),
  vote: orgProcedure("shortlist.write")
    .input(ZShortlistVoteInput)
    .mutation(({ ctx, input }) => voteOnShortlist(ctx.db, actorOf(ctx.user), ctx.org, input)),
  comment: orgProcedure("shortlist.write")
    .input(ZShortlistCommentInput)
    .mutation(({ ctx, input }) => commentOnShortlist(ctx.db, actorOf(ctx.user), ctx.org, input)),
});
