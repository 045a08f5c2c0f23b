import { claimRfpInvite } from "../../rfps/invitation-claim";
import {
  ZInviteEmailInput,
  ZInvitePlatformInput,
  ZRevokeRfpInvitationInput,
  ZRfpIdInput,
  ZRfpInviteTokenInput,
} from "../../rfps/invitation-schemas";
import { inviteByEmail, invitePlatformCdmo, listRfpInvitations, revokeRfpInvitation } from "../../rfps/invitations";
import { orgProcedure, router } from "../trpc";
import { rfpInviteLinkProcedures } from "./rfp-invite-link";
import { actorOf } from "./vendors-procedures";

// Invitations to an RFP: the sponsor's list, adding and revoking (rfp.*), and the e-mailed
// link's two steps: anyone holding it sees what it is for; a CDMO member claims it.
export const rfpInvitationRouter = router({
  list: orgProcedure("rfp.read")
    .input(ZRfpIdInput)
    .query(({ ctx, input }) => listRfpInvitations(ctx.db, ctx.org, input.rfpId)),
  addPlatform: orgProcedure("rfp.write")
    .input(ZInvitePlatformInput)
    .mutation(({ ctx, input }) => invitePlatformCdmo(ctx.db, actorOf(ctx.user), ctx.org, input)),
  addEmail: orgProcedure("rfp.write")
    .input(ZInviteEmailInput)
    .mutation(({ ctx, input }) => inviteByEmail(ctx.db, actorOf(ctx.user), ctx.org, input)),
  revoke: orgProcedure("rfp.write")
    .input(ZRevokeRfpInvitationInput)
    .mutation(({ ctx, input }) => revokeRfpInvitation(ctx.db, actorOf(ctx.user), ctx.org, input)),
  ...rfpInviteLinkProcedures,
  claim: orgProcedure("portal.read")
    .input(ZRfpInviteTokenInput)
    .mutation(({ ctx, input }) => claimRfpInvite(ctx.db, actorOf(ctx.user), ctx.org, input.token)),
});
