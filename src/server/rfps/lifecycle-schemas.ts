import { z } from "zod";
import { zId, zInstant, zInt, zText } from "../validation";

// Inputs of the lifecycle procedures (publish, cancel, revision round, status). `version`, when
// given, is the version the sponsor looked at: a stale one is a CONFLICT, so nobody publishes
// or reopens an RFP someone else has just changed without seeing it.

const zVersion = zInt({ min: 1 }).optional();

export const ZRfpRef = z.object({ rfpId: zId });
export const ZPublishInput = z.object({ rfpId: zId, version: zVersion });
export const ZCancelInput = z.object({
  rfpId: zId,
  reason: zText({ min: 1, max: 2000, multiline: true, minMessage: "Say why the RFP is cancelled; invitees read it." }),
  version: zVersion,
});
export const ZRevisionRoundInput = z.object({
  rfpId: zId,
  dueAt: zInstant,
  timeZone: zText({ max: 64 }).optional(),
  note: zText({ max: 2000, multiline: true }).optional(),
  version: zVersion,
});
