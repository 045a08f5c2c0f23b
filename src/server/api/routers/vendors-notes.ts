import {
  addNote,
  allTags,
  listSavedFilters,
  removeFilter,
  removeNote,
  saveFilter,
  setTags,
} from "../../vendors/notes-tags";
import { ZAddNoteInput, ZFilterIdInput, ZNoteIdInput, ZSaveFilterInput, ZSetTagsInput } from "../../vendors/schemas";
import { actorOf } from "./vendors-procedures";
import { orgProcedure } from "../trpc";

// A sponsor's private notes, tags and saved directory filters (part of the `vendors` router).
// Saved filters are a personal preference, so viewers may keep their own.
export const vendorNotesProcedures = {
  addNote: orgProcedure("notes.write")
    .input(ZAddNoteInput)
    .mutation(({ ctx, input }) => addNote(ctx.db, actorOf(ctx.user), ctx.org, input)),
  removeNote: orgProcedure("notes.write")
    .input(ZNoteIdInput)
    .mutation(({ ctx, input }) => removeNote(ctx.db, actorOf(ctx.user), ctx.org, input)),
  setTags: orgProcedure("notes.write")
    .input(ZSetTagsInput)
    .mutation(({ ctx, input }) => setTags(ctx.db, actorOf(ctx.user), ctx.org, input)),
  allTags: orgProcedure("directory.read").query(({ ctx }) => allTags(ctx.db)),
  savedFilters: orgProcedure("directory.read").query(({ ctx }) => listSavedFilters(ctx.db, actorOf(ctx.user))),
  saveFilter: orgProcedure("directory.saveFilter")
    .input(ZSaveFilterInput)
    .mutation(({ ctx, input }) => saveFilter(ctx.db, actorOf(ctx.user), ctx.org, input)),
  removeFilter: orgProcedure("directory.saveFilter")
    .input(ZFilterIdInput)
    .mutation(({ ctx, input }) => removeFilter(ctx.db, actorOf(ctx.user), input)),
};
