import { orgProcedure } from "../trpc";
import { cancelRfp, openRevisionRound, publishRfp, rfpLifecycle } from "../../rfps/lifecycle-service";
import { ZCancelInput, ZPublishInput, ZRevisionRoundInput, ZRfpRef } from "../../rfps/lifecycle-schemas";
import { actorOf } from "./vendors-procedures";

// The RFP lifecycle's procedures, merged into the `rfp` router (root.ts) beside the other
// RFP files. Every transition is checked, locked, audited and notified in the service.

export const rfpLifecycleProcedures = {
  /** Status as the clock makes it, the moves open now, and what still stops publishing. */
  status: orgProcedure("rfp.read")
    .input(ZRfpRef)
    .query(({ ctx, input }) => rfpLifecycle(ctx.db, ctx.org.id, input.rfpId)),
  publish: orgProcedure("rfp.manage")
    .input(ZPublishInput)
    .mutation(({ ctx, input }) => publishRfp({ db: ctx.db, orgId: ctx.org.id, actor: actorOf(ctx.user) }, input)),
  cancel: orgProcedure("rfp.manage")
    .input(ZCancelInput)
    .mutation(({ ctx, input }) => cancelRfp({ db: ctx.db, orgId: ctx.org.id, actor: actorOf(ctx.user) }, input)),
  openRevisionRound: orgProcedure("rfp.manage")
    .input(ZRevisionRoundInput)
    .mutation(({ ctx, input }) =>
      openRevisionRound({ db: ctx.db, orgId: ctx.org.id, actor: actorOf(ctx.user) }, input),
    ),
};
