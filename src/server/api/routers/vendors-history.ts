import { addInspection, addRecall, addWarningLetter, removeHistory, removeSite, saveSite } from "../../vendors/history";
import {
  ZAddInspectionInput, ZAddRecallInput, ZAddWarningLetterInput, ZRemoveHistoryInput, ZSaveSiteInput, ZSiteIdInput,
} from "../../vendors/schemas";
import { actorOf, vendorWrite } from "./vendors-procedures";

// Sites and quality-system history (part of the `vendors` router).
export const vendorHistoryProcedures = {
  saveSite: vendorWrite.input(ZSaveSiteInput).mutation(({ ctx, input }) => saveSite(ctx.db, actorOf(ctx.user), ctx.org, input)),
  removeSite: vendorWrite.input(ZSiteIdInput).mutation(({ ctx, input }) => removeSite(ctx.db, actorOf(ctx.user), ctx.org, input)),
  addInspection: vendorWrite
    .input(ZAddInspectionInput)
    .mutation(({ ctx, input }) => addInspection(ctx.db, actorOf(ctx.user), ctx.org, input)),
  addWarningLetter: vendorWrite
    .input(ZAddWarningLetterInput)
    .mutation(({ ctx, input }) => addWarningLetter(ctx.db, actorOf(ctx.user), ctx.org, input)),
  addRecall: vendorWrite.input(ZAddRecallInput).mutation(({ ctx, input }) => addRecall(ctx.db, actorOf(ctx.user), ctx.org, input)),
  removeHistory: vendorWrite
    .input(ZRemoveHistoryInput)
    .mutation(({ ctx, input }) => removeHistory(ctx.db, actorOf(ctx.user), ctx.org, input)),
};
