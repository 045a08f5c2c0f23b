import { orgProcedure, router } from "../trpc";
import { auditEntityTypes, exportAuditCsv, listAuditPage } from "../../audit/audit-log";
import { ZAuditFilter, ZAuditListInput } from "../../audit/schemas";

export const auditRouter = router({
  list: orgProcedure("audit.read")
    .input(ZAuditListInput)
    .query(({ ctx, input }) => listAuditPage(ctx.db, ctx.org, input)),
  entityTypes: orgProcedure("audit.read").query(({ ctx }) => auditEntityTypes(ctx.db)),
  exportCsv: orgProcedure("audit.read", { limit: "export" })
    .input(ZAuditFilter)
    .query(({ ctx, input }) => exportAuditCsv(ctx.db, input)),
});
