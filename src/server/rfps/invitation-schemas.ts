// Inputs of the sponsor's invitation procedures and of the claim link. Browser-safe (zod and the
// shared blocks), so the invitations panel validates with the same rules as the server.
import { z } from "zod";
import { zEmail, zId, zOptText, zToken } from "../validation";

export const ZRfpIdInput = z.object({ rfpId: zId });

/** A CDMO picked in the directory: a platform profile, or a private record linked to one. */
export const ZInvitePlatformInput = z.object({ rfpId: zId, vendorId: zId });

/** Someone not on the platform: an address and, optionally, how the sponsor names them. */
export const ZInviteEmailInput = z.object({
  rfpId: zId,
  email: zEmail,
  name: zOptText(120),
});
export type TInviteEmailInput = z.infer<typeof ZInviteEmailInput>;
export const ZInviteEmailForm = ZInviteEmailInput.omit({ rfpId: true });

export const ZRevokeRfpInvitationInput = z.object({ rfpId: zId, invitationId: zId });

export const ZRfpInviteTokenInput = z.object({ token: zToken });
