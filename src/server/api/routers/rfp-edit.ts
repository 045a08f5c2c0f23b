import { updateRfp } from "../../rfps/edit";
import { ZUpdateRfpInput } from "../../rfps/edit-schemas";
import { orgProcedure } from "../trpc";
import { actorOf } from "./vendors-procedures";

// The RFP builder's save (part of the `rfp` router). The whole document goes under the version
// the editor loaded; a stale version is a CONFLICT and the editor keeps what was typed.
export const rfpEditProcedures = {
  update: orgProcedure("rfp.write")
    .input(ZUpdateRfpInput)
    .mutation(({ ctx, input }) => updateRfp(ctx.db, actorOf(ctx.user), ctx.org, input)),
};
