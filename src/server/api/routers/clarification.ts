import { orgProcedure, router } from "../trpc";
import {
  answerClarification,
  askClarification,
  listClarificationsForInvitee,
  listClarificationsForSponsor,
} from "../../clarifications/clarifications";
import {
  ZAnswerClarificationInput,
  ZAskClarificationInput,
  ZClarificationRfpInput,
} from "../../clarifications/schemas";

const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });

export const clarificationRouter = router({
  /** CDMO: ask the sponsor a question about an RFP it is invited to, while the RFP is open. */
  ask: orgProcedure("clarification.ask")
    .input(ZAskClarificationInput)
    .mutation(({ ctx, input }) => askClarification(ctx.db, actorOf(ctx.user), ctx.org, input)),
  /** CDMO: its own questions with their answers, and every answer given to all invitees. */
  listAsInvitee: orgProcedure("portal.read")
    .input(ZClarificationRfpInput)
    .query(({ ctx, input }) => listClarificationsForInvitee(ctx.db, ctx.org, input.rfpId)),
  /** Sponsor: every question about its RFP, who asked, and the answers. */
  list: orgProcedure("rfp.read")
    .input(ZClarificationRfpInput)
    .query(({ ctx, input }) => listClarificationsForSponsor(ctx.db, ctx.org, input.rfpId)),
  /** Sponsor: answer a question to every invitee (without who asked) or to the asker only. */
  answer: orgProcedure("clarification.answer")
    .input(ZAnswerClarificationInput)
    .mutation(({ ctx, input }) => answerClarification(ctx.db, actorOf(ctx.user), ctx.org, input)),
});
