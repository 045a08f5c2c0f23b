import { addNote, allTags, listSavedFilters, removeFilter, removeNote, saveFilter, setTags } from "../../vendors/notes-tags";
import { ZAddNoteInput, ZFilterIdInput, ZNoteIdInput, ZSaveFilterInput, ZSetTagsInput } from "../../vendors/schemas";
import { actorOf, sponsorRead, sponsorWrite } from "./vendors-procedures";

// A sponsor's private notes, tags and saved directory filters (part of the `vendors` router).
// Saved filters are a personal preference, so viewers may keep their own.
export const vendorNotesProcedures = {
  addNote: sponsorWrite.input(ZAddNoteInput).mutation(({ ctx, input }) => addNote(ctx.db, actorOf(ctx.user), ctx.org, input)),
  removeNote: sponsorWrite.input(ZNoteIdInput).mutation(({ ctx, input }) => removeNote(ctx.db, actorOf(ctx.user), ctx.org, input)),
  setTags: sponsorWrite.input(ZSetTagsInput).mutation(({ ctx, input }) => setTags(ctx.db, actorOf(ctx.user), ctx.org, input)),
  allTags: sponsorRead.query(({ ctx }) => allTags(ctx.db)),
  savedFilters: sponsorRead.query(({ ctx }) => listSavedFilters(ctx.db, actorOf(ctx.user))),
  saveFilter: sponsorRead.input(ZSaveFilterInput).mutation(({ ctx, input }) => saveFilter(ctx.db, actorOf(ctx.user), ctx.org, input)),
  removeFilter: sponsorRead.input(ZFilterIdInput).mutation(({ ctx, input }) => removeFilter(ctx.db, actorOf(ctx.user), input)),
};

