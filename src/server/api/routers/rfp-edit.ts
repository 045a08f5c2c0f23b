import { getRfpForEdit, updateRfp } from "../../rfps/edit";
import { ZRfpIdInput, ZUpdateRfpInput } from "../../rfps/edit-schemas";
import { orgProcedure } from "../trpc";
import { actorOf } from "./vendors-procedures";

// The RFP builder's save (part of the `rfp` router). The whole document goes under the version
// the editor loaded; a stale version is a CONFLICT and the editor keeps what was typed.
export const rfpEditProcedures = {
  /** The document as the builder edits it, with its version (viewers open it read-only). */
  editor: orgProcedure("rfp.read")
    .input(ZRfpIdInput)
    .query(({ ctx, input }) => getRfpForEdit(ctx.db, ctx.org, input.rfpId)),
  update: orgProcedure("rfp.write")
    .input(ZUpdateRfpInput)
    .mutation(({ ctx, input }) => updateRfp(ctx.db, actorOf(ctx.user), ctx.org, input)),
};
