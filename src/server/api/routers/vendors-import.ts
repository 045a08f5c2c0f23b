import { commitImport, discardImport, previewImport, stageRows, startImport } from "../../vendors/import-service";
import { ZImportIdInput, ZImportStageInput, ZImportStartInput } from "../../vendors/schemas";
import { actorOf, sponsorWrite } from "./vendors-procedures";

// CSV import of FDA inspections and warning letters (part of the `vendors` router).
export const vendorImportProcedures = {
  importStart: sponsorWrite.input(ZImportStartInput).mutation(({ ctx, input }) => startImport(ctx.db, actorOf(ctx.user), ctx.org, input)),
  importStage: sponsorWrite.input(ZImportStageInput).mutation(({ ctx, input }) => stageRows(ctx.db, ctx.org, input)),
  importPreview: sponsorWrite.input(ZImportIdInput).query(({ ctx, input }) => previewImport(ctx.db, ctx.org, input)),
  importCommit: sponsorWrite.input(ZImportIdInput).mutation(({ ctx, input }) => commitImport(ctx.db, actorOf(ctx.user), ctx.org, input)),
  importDiscard: sponsorWrite.input(ZImportIdInput).mutation(({ ctx, input }) => discardImport(ctx.db, actorOf(ctx.user), ctx.org, input)),
};
