import { orgProcedure, router } from "../trpc";
import { changeRole, listMembers, removeMember } from "../../members/members";
import { createInvitation, listInvitations, revokeInvitation } from "../../members/invitations";
import { ZChangeRoleInput, ZInvitationIdInput, ZInviteInput, ZRemoveMemberInput } from "../../members/schemas";

const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });

export const membersRouter = router({
  list: orgProcedure("members.read").query(({ ctx }) => listMembers(ctx.db)),
  changeRole: orgProcedure("members.changeRole")
    .input(ZChangeRoleInput)
    .mutation(({ ctx, input }) => changeRole(ctx.db, actorOf(ctx.user), ctx.org, input)),
  remove: orgProcedure("members.remove")
    .input(ZRemoveMemberInput)
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.db, actorOf(ctx.user), ctx.org, input);
      return { ok: true as const };
    }),
  invitations: orgProcedure("members.invite").query(({ ctx }) => listInvitations(ctx.db)),
  invite: orgProcedure("members.invite")
    .input(ZInviteInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, actorOf(ctx.user), ctx.org, input)),
  revokeInvitation: orgProcedure("members.invite")
    .input(ZInvitationIdInput)
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, actorOf(ctx.user), input.invitationId);
      return { ok: true as const };
    }),
});
