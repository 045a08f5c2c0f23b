import { commitImport, discardImport, previewImport, stageRows, startImport } from "../../vendors/import-service";
import { ZImportIdInput, ZImportStageInput, ZImportStartInput } from "../../vendors/schemas";
import { actorOf } from "./vendors-procedures";
import { orgProcedure } from "../trpc";

// CSV import of FDA inspections and warning letters (part of the `vendors` router).
export const vendorImportProcedures = {
  importStart: orgProcedure("vendor.import", { limit: "importStart" })
    .input(ZImportStartInput)
    .mutation(({ ctx, input }) => startImport(ctx.db, actorOf(ctx.user), ctx.org, input)),
  importStage: orgProcedure("vendor.import", { limit: "importStep" })
    .input(ZImportStageInput)
    .mutation(({ ctx, input }) => stageRows(ctx.db, ctx.org, input)),
  importPreview: orgProcedure("vendor.import", { limit: "importStep" })
    .input(ZImportIdInput)
    .query(({ ctx, input }) => previewImport(ctx.db, ctx.org, input)),
  importCommit: orgProcedure("vendor.import", { limit: "importStep" })
    .input(ZImportIdInput)
    .mutation(({ ctx, input }) => commitImport(ctx.db, actorOf(ctx.user), ctx.org, input)),
  importDiscard: orgProcedure("vendor.import")
    .input(ZImportIdInput)
    .mutation(({ ctx, input }) => discardImport(ctx.db, actorOf(ctx.user), ctx.org, input)),
};
