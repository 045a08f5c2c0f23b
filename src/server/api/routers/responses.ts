import { orgProcedure, router } from "../trpc";
import { ZRfpRoundInput } from "../../rfps/bid-schemas";
import { exportCsv, exportXlsx, sideBySide } from "../../responses/side-by-side";

// The sponsor's reading of submitted responses. Every procedure goes through the same seal check
// (src/server/rfps/sealing.ts): a sealed round shows how many responses arrived and when, and
// its exports are refused.
export const responsesRouter = router({
  /** Questions x vendors for one round, with price lines per stage and totals; null while sealed. */
  matrix: orgProcedure("responses.read")
    .input(ZRfpRoundInput)
    .query(({ ctx, input }) => sideBySide(ctx.db, ctx.org.id, input)),
  exportCsv: orgProcedure("responses.read", { limit: "export" })
    .input(ZRfpRoundInput)
    .query(({ ctx, input }) => exportCsv(ctx.db, ctx.org.id, input)),
  /** The same matrix as an XLSX workbook (base64), with numeric price cells. */
  exportXlsx: orgProcedure("responses.read", { limit: "export" })
    .input(ZRfpRoundInput)
    .query(({ ctx, input }) => exportXlsx(ctx.db, ctx.org.id, input)),
});
