import { archiveProgramme, createProgramme, unarchiveProgramme, updateProgramme } from "../../programmes/programmes";
import { getProgramme, listProgrammes } from "../../programmes/read";
import {
  ZArchiveProgrammeInput,
  ZListProgrammesInput,
  ZProgrammeFields,
  ZProgrammeIdInput,
  ZUpdateProgrammeInput,
} from "../../programmes/schemas";
import { orgProcedure, router } from "../trpc";
import { actorOf } from "./vendors-procedures";

// A sponsor's programmes: thin procedures over src/server/programmes. ctx.db is scoped to the
// organisation named by orgSlug (resolved by orgProcedure).
export const programmeRouter = router({
  list: orgProcedure("programme.read")
    .input(ZListProgrammesInput)
    .query(({ ctx, input }) => listProgrammes(ctx.db, ctx.org, input)),
  get: orgProcedure("programme.read")
    .input(ZProgrammeIdInput)
    .query(({ ctx, input }) => getProgramme(ctx.db, ctx.org, input.programmeId)),
  create: orgProcedure("programme.write")
    .input(ZProgrammeFields)
    .mutation(({ ctx, input }) => createProgramme(ctx.db, actorOf(ctx.user), ctx.org, input)),
  update: orgProcedure("programme.write")
    .input(ZUpdateProgrammeInput)
    .mutation(({ ctx, input }) => updateProgramme(ctx.db, actorOf(ctx.user), ctx.org, input)),
  archive: orgProcedure("programme.write")
    .input(ZArchiveProgrammeInput)
    .mutation(({ ctx, input }) => archiveProgramme(ctx.db, actorOf(ctx.user), ctx.org, input)),
  unarchive: orgProcedure("programme.write")
    .input(ZArchiveProgrammeInput)
    .mutation(({ ctx, input }) => unarchiveProgramme(ctx.db, actorOf(ctx.user), ctx.org, input)),
});
