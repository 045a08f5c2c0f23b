import { z } from "zod";
import { zId, zInt } from "../validation";
import { NOTIFICATION_KINDS } from "./kinds";

export const ZNotificationListInput = z
  .object({
    cursor: zId.nullish(),
    limit: zInt({ min: 1, max: 100 }).default(20),
    unreadOnly: z.boolean().default(false),
  })
  .default({ limit: 20, unreadOnly: false });

/** One notification by id, or every unread one (`all`). */
export const ZMarkReadInput = z.union([z.object({ id: zId }), z.object({ all: z.literal(true) })]);

export const ZSetPreferenceInput = z.object({ kind: z.enum(NOTIFICATION_KINDS), email: z.boolean() });
