import { addInspection, addRecall, addWarningLetter, removeHistory, removeSite, saveSite } from "../../vendors/history";
import {
  ZAddInspectionInput,
  ZAddRecallInput,
  ZAddWarningLetterInput,
  ZRemoveHistoryInput,
  ZSaveSiteInput,
  ZSiteIdInput,
} from "../../vendors/schemas";
import { actorOf } from "./vendors-procedures";
import { orgProcedure } from "../trpc";

// Sites and quality-system history (part of the `vendors` router).
export const vendorHistoryProcedures = {
  saveSite: orgProcedure("vendor.write")
    .input(ZSaveSiteInput)
    .mutation(({ ctx, input }) => saveSite(ctx.db, actorOf(ctx.user), ctx.org, input)),
  removeSite: orgProcedure("vendor.write")
    .input(ZSiteIdInput)
    .mutation(({ ctx, input }) => removeSite(ctx.db, actorOf(ctx.user), ctx.org, input)),
  addInspection: orgProcedure("vendor.write")
    .input(ZAddInspectionInput)
    .mutation(({ ctx, input }) => addInspection(ctx.db, actorOf(ctx.user), ctx.org, input)),
  addWarningLetter: orgProcedure("vendor.write")
    .input(ZAddWarningLetterInput)
    .mutation(({ ctx, input }) => addWarningLetter(ctx.db, actorOf(ctx.user), ctx.org, input)),
  addRecall: orgProcedure("vendor.write")
    .input(ZAddRecallInput)
    .mutation(({ ctx, input }) => addRecall(ctx.db, actorOf(ctx.user), ctx.org, input)),
  removeHistory: orgProcedure("vendor.write")
    .input(ZRemoveHistoryInput)
    .mutation(({ ctx, input }) => removeHistory(ctx.db, actorOf(ctx.user), ctx.org, input)),
};
