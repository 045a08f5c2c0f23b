import { orgProcedure, router } from "../trpc";
import { bidStatus, openBids } from "../../rfps/bid-opening";
import { ZRfpRoundInput } from "../../rfps/bid-schemas";

const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });

export const bidsRouter = router({
  /** Whether a round's bids are sealed, until when, how many arrived, and who has opened them. */
  status: orgProcedure("rfp.read")
    .input(ZRfpRoundInput)
    .query(({ ctx, input }) => bidStatus(ctx.db, { userId: ctx.user.id, orgId: ctx.org.id }, input)),
  /** Committee opening: record that the caller opens the sealed bids (after the due date only). */
  open: orgProcedure("rfp.openBids")
    .input(ZRfpRoundInput)
    .mutation(({ ctx, input }) =>
      openBids(ctx.db, actorOf(ctx.user), { userId: ctx.user.id, orgId: ctx.org.id }, input),
    ),
});
