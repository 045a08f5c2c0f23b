import { orgProcedure, router } from "../trpc";
import { auditEntityTypes, exportAuditCsv, listAuditEvents } from "../../audit/audit-log";
import { ZAuditFilter, ZAuditListInput } from "../../audit/schemas";

export const auditRouter = router({
  list: orgProcedure("audit.read")
    .input(ZAuditListInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
  entityTypes: orgProcedure("audit.read").query(({ ctx }) => auditEntityTypes(ctx.db)),
  exportCsv: orgProcedure("audit.read")
    .input(ZAuditFilter)
    .query(({ ctx, input }) => exportAuditCsv(ctx.db, input)),
});
