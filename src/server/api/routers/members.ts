import { orgProcedure, requireRole, router } from "../trpc";
import { changeRole, listMembers, removeMember } from "../../members/members";
import { createInvitation, listInvitations, revokeInvitation } from "../../members/invitations";
import { ZChangeRoleInput, ZInvitationIdInput, ZInviteInput, ZRemoveMemberInput } from "../../members/schemas";

const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });

export const membersRouter = router({
  list: orgProcedure.use(requireRole("VIEWER")).query(({ ctx }) => listMembers(ctx.db)),
  changeRole: orgProcedure
    .use(requireRole("ADMIN"))
    .input(ZChangeRoleInput)
    .mutation(({ ctx, input }) => changeRole(ctx.db, actorOf(ctx.user), ctx.org, input)),
  remove: orgProcedure
    .use(requireRole("ADMIN"))
    .input(ZRemoveMemberInput)
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.db, actorOf(ctx.user), ctx.org, input);
      return { ok: true as const };
    }),
  invitations: orgProcedure.use(requireRole("ADMIN")).query(({ ctx }) => listInvitations(ctx.db)),
  invite: orgProcedure
    .use(requireRole("ADMIN"))
    .input(ZInviteInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, actorOf(ctx.user), ctx.org, input)),
  revokeInvitation: orgProcedure
    .use(requireRole("ADMIN"))
    .input(ZInvitationIdInput)
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, actorOf(ctx.user), input.invitationId);
      return { ok: true as const };
    }),
});
