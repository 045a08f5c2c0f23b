import { z } from "zod";
import { ZEmail } from "../accounts/form-schemas";
import { zId, zToken, zVersion } from "../validation";

export const ZRole = z.enum(["OWNER", "ADMIN", "EVALUATOR", "VIEWER", "RESPONDER"]);

export const ZChangeRoleInput = z.object({ membershipId: zId, role: ZRole, version: zVersion });
export const ZRemoveMemberInput = z.object({ membershipId: zId, version: zVersion });
export const ZInviteInput = z.object({ email: ZEmail, role: ZRole });
export const ZInvitationIdInput = z.object({ invitationId: zId });
export const ZInviteTokenInput = z.object({ token: zToken });
