import { z } from "zod";
import { orgProcedure, router } from "../trpc";
import { listFiles, removeFile, ZFileListInput } from "../../files/service";
import { zId } from "../../validation";

// Files of RFPs and responses. Bytes go up and down through the route handlers in
// src/app/api/files/ (streamed; src/server/files/http.ts); listing and removing are procedures.
export const fileRouter = router({
  list: orgProcedure("file.read")
    .input(ZFileListInput)
    .query(({ ctx, input }) => listFiles(ctx.db, ctx.org, input, new Date())),
  remove: orgProcedure("file.write")
    .input(z.object({ fileId: zId }))
    .mutation(async ({ ctx, input }) => {
      await removeFile(ctx.db, ctx.org, { id: ctx.user.id, email: ctx.user.email }, input.fileId, new Date());
      return { ok: true as const };
    }),
});
