import { z } from "zod";
import { zId, zInstant, zInt, zSearch, zText } from "../validation";

export const ZAuditFilter = z.object({
  // Free-text filters are searches: cut to length, never refused for it.
  action: zSearch(100).optional(),
  entityType: zText({ max: 100 }).optional(),
  // One record's history (a vendor page links here with its id).
  entityId: zText({ max: 64 }).optional(),
  actor: zSearch(254).optional(),
  from: zInstant.optional(),
  to: zInstant.optional(),
});
export const ZAuditListInput = ZAuditFilter.extend({
  cursor: zId.nullish(),
  limit: zInt({ min: 1, max: 200 }).default(50),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;
