import { z } from "zod";
import { ZAnswersInput } from "../rfps/content";
import { zId, zInt, zVersion } from "../validation";

// Inputs of the CDMO's response procedures (portal.response.*). Answers arrive as a loose
// envelope keyed by question id; the service checks each value against its question's kind.

/** The response to an RFP: the current round's (a draft is opened on first visit), or an earlier round's to read. */
export const ZGetResponseInput = z.object({
  rfpId: zId,
  round: zInt({ min: 1, max: 1000 }).optional(),
});

/** Every answer of the draft as the editor holds it (replaces the stored set), and the version it was based on. */
export const ZSaveDraftInput = z.object({
  responseId: zId,
  version: zVersion,
  answers: ZAnswersInput,
});

/** Submit the response as last read: `version` must still be current, so no one submits answers they have not seen. */
export const ZSubmitResponseInput = z.object({ responseId: zId, version: zVersion });

export const ZReceiptInput = z.object({ responseId: zId });

export type TGetResponseInput = z.infer<typeof ZGetResponseInput>;
export type TSaveDraftInput = z.infer<typeof ZSaveDraftInput>;
export type TSubmitResponseInput = z.infer<typeof ZSubmitResponseInput>;
