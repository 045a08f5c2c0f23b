import { ZCopyRfpInput, ZCreateRfpInput, ZListRfpsInput, ZRfpIdInput } from "../../rfps/create-schemas";
import { copyRfp, createRfp } from "../../rfps/service-create";
import { getRfp, listRfps, listTemplates } from "../../rfps/service-read";
import { orgProcedure } from "../trpc";
import { actorOf } from "./vendors-procedures";

// The sponsor's RFP basics (part of the `rfp` router): list a programme's RFPs, read one, the
// shipped templates, and create an RFP from a template, a copy or blank. Other files add the
// builder, lifecycle and invitation procedures to the same router.
export const rfpCoreProcedures = {
  list: orgProcedure("rfp.read")
    .input(ZListRfpsInput)
    .query(({ ctx, input }) => listRfps(ctx.db, ctx.org, input)),
  get: orgProcedure("rfp.read")
    .input(ZRfpIdInput)
    .query(({ ctx, input }) => getRfp(ctx.db, ctx.org, input.rfpId)),
  templates: orgProcedure("rfp.read").query(() => listTemplates()),
  create: orgProcedure("rfp.write")
    .input(ZCreateRfpInput)
    .mutation(({ ctx, input }) => createRfp(ctx.db, actorOf(ctx.user), ctx.org, input)),
  copy: orgProcedure("rfp.write")
    .input(ZCopyRfpInput)
    .mutation(({ ctx, input }) => copyRfp(ctx.db, actorOf(ctx.user), ctx.org, input)),
};
