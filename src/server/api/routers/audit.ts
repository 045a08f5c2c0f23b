import { orgProcedure, requireRole, router } from "../trpc";
import { auditEntityTypes, exportAuditCsv, listAuditEvents } from "../../audit/audit-log";
import { ZAuditFilter, ZAuditListInput } from "../../audit/schemas";

export const auditRouter = router({
  list: orgProcedure.use(requireRole("ADMIN")).input(ZAuditListInput).query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
  entityTypes: orgProcedure.use(requireRole("ADMIN")).query(({ ctx }) => auditEntityTypes(ctx.db)),
  exportCsv: orgProcedure.use(requireRole("ADMIN")).input(ZAuditFilter).query(({ ctx, input }) => exportAuditCsv(ctx.db, input)),
});
