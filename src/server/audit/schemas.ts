import { z } from "zod";

export const ZAuditFilter = z.object({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  // One record's history (a vendor page links here with its id).
  entityId: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(254).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export const ZAuditListInput = ZAuditFilter.extend({
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;
