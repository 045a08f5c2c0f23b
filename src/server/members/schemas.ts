import { z } from "zod";
import { ZEmail } from "../accounts/schemas";

export const ZRole = z.enum(["OWNER", "ADMIN", "EVALUATOR", "VIEWER", "RESPONDER"]);
const ZId = z.string().min(1).max(64);

export const ZChangeRoleInput = z.object({ membershipId: ZId, role: ZRole, version: z.number().int().positive() });
export const ZRemoveMemberInput = z.object({ membershipId: ZId, version: z.number().int().positive() });
export const ZInviteInput = z.object({ email: ZEmail, role: ZRole });
export const ZInvitationIdInput = z.object({ invitationId: ZId });
export const ZInviteTokenInput = z.object({ token: z.string().min(20).max(200) });
