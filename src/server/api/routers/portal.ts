import { declineInvitation, inbox, portalRfp } from "../../rfps/portal";
import { ZDeclineInput, ZInboxInput, ZPortalRfpInput } from "../../rfps/portal-schemas";
import { orgProcedure, router } from "../trpc";
import { portalResponseRouter } from "./portal-response";
import { actorOf } from "./vendors-procedures";

// The CDMO portal: its inbox of invitations and the RFPs it is invited to (read-only), and
// declining. ctx.db acts in the CDMO's organisation; the sponsor's rows come through the share rules.
export const portalRouter = router({
  inbox: orgProcedure("portal.read")
    .input(ZInboxInput)
    .query(({ ctx, input }) => inbox(ctx.db, ctx.org, input)),
  rfp: orgProcedure("portal.read")
    .input(ZPortalRfpInput)
    .query(({ ctx, input }) => portalRfp(ctx.db, actorOf(ctx.user), ctx.org, input.rfpId)),
  decline: orgProcedure("response.write")
    .input(ZDeclineInput)
    .mutation(({ ctx, input }) => declineInvitation(ctx.db, actorOf(ctx.user), ctx.org, input)),
  /** The CDMO's response: drafts, autosave, submission and receipts (portal-response.ts). */
  response: portalResponseRouter,
});
