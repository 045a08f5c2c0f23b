import { protectedProcedure, publicProcedure, router } from "../trpc";
import { acceptInvitation, getInvitation } from "../../members/invitations";
import { ZInviteTokenInput } from "../../members/schemas";
import { getDb } from "../../db/client";

// Invitation links work across tenants by design: the token is the credential.
export const invitationRouter = router({
  get: publicProcedure.input(ZInviteTokenInput).query(async ({ input }) => getInvitation(await getDb(), input.token)),
  accept: protectedProcedure
    .input(ZInviteTokenInput)
    .mutation(async ({ ctx, input }) =>
      acceptInvitation(await getDb(), input.token, { id: ctx.user.id, email: ctx.user.email }),
    ),
});
