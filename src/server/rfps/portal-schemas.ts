// Inputs of the CDMO portal (inbox, RFP view, decline). Browser-safe.
import { z } from "zod";
import { zId, zInt, zText } from "../validation";

export const INBOX_PAGE_SIZES = [10, 25, 50] as const;

export const ZInboxInput = z.object({
  /** open: still accepting responses, soonest due first; past: closed, awarded or cancelled, latest first. */
  show: z.enum(["open", "past"]).default("open"),
  page: zInt({ min: 1, max: 10_000 }).default(1),
  pageSize: zInt({ min: 1, max: 100 }).default(25),
});
export type TInboxInput = z.infer<typeof ZInboxInput>;

export const ZPortalRfpInput = z.object({ rfpId: zId });

import { DECLINE_REASON_MAX } from "./portal-limits";

export { DECLINE_REASON_MAX };

export const ZDeclineInput = z.object({
  rfpId: zId,
  reason: zText({
    min: 3,
    max: DECLINE_REASON_MAX,
    multiline: true,
    minMessage: "Say briefly why you decline (at least 3 characters).",
  }),
});
export const ZDeclineForm = ZDeclineInput.pick({ reason: true });
