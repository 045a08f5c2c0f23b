import { getResponse } from "../../responses/get-response";
import { getReceipt } from "../../responses/receipt";
import { saveDraft } from "../../responses/save-draft";
import { ZGetResponseInput, ZReceiptInput, ZSaveDraftInput, ZSubmitResponseInput } from "../../responses/schemas";
import { submitResponse } from "../../responses/submit";
import { orgProcedure, router } from "../trpc";
import { actorOf } from "./vendors-procedures";

// The CDMO's response to an RFP it was invited to (portal.response.*). Every procedure acts in
// the CDMO's own organisation; the sponsor's RFP is read through the invitation's share rule.
// The clock is the server's: the due date is checked against `new Date()` here, never a time
// the browser sends.
export const portalResponseRouter = router({
  /** This round's response (a draft is opened on first visit while the RFP accepts responses), or an earlier round's. */
  get: orgProcedure("response.write")
    .input(ZGetResponseInput)
    .query(({ ctx, input }) => getResponse(ctx.db, actorOf(ctx.user), ctx.org, input, new Date())),
  saveDraft: orgProcedure("response.write")
    .input(ZSaveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, actorOf(ctx.user), ctx.org, input, new Date())),
  submit: orgProcedure("response.submit")
    .input(ZSubmitResponseInput)
    .mutation(({ ctx, input }) => submitResponse(ctx.db, actorOf(ctx.user), ctx.org, input, new Date())),
  receipt: orgProcedure("portal.read")
    .input(ZReceiptInput)
    .query(({ ctx, input }) => getReceipt(ctx.db, ctx.org, input)),
});
