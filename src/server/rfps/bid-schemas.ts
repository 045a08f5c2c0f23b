import { z } from "zod";
import { zId, zInt } from "../validation";

/** An RFP and, optionally, one of its revision rounds (default: the round in progress). */
export const ZRfpRoundInput = z.object({ rfpId: zId, round: zInt({ min: 1, max: 1000 }).optional() });
export type TRfpRoundInput = z.output<typeof ZRfpRoundInput>;
