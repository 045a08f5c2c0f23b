import { z } from "zod";
import { zId, zInstant, zInt, zText } from "../validation";

export const ZAuditFilter = z.object({
  action: zText({ max: 100 }).optional(),
  entityType: zText({ max: 100 }).optional(),
  // One record's history (a vendor page links here with its id).
  entityId: zText({ max: 64 }).optional(),
  actor: zText({ max: 254 }).optional(),
  from: zInstant.optional(),
  to: zInstant.optional(),
});
export const ZAuditListInput = ZAuditFilter.extend({
  cursor: zId.nullish(),
  limit: zInt({ min: 1, max: 200 }).default(50),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;
