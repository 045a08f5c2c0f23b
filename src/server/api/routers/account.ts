import { protectedProcedure, publicProcedure, router } from "../trpc";
import {
  changePassword,
  confirmSignUp,
  requestPasswordReset,
  resetPassword,
  signUp,
  signUpWithInvitation,
} from "../../accounts/accounts";
import {
  ZChangePasswordInput,
  ZConfirmSignUpInput,
  ZRequestResetInput,
  ZResetPasswordInput,
  ZSignUpInput,
  ZSignUpWithInvitationInput,
} from "../../accounts/schemas";
import { z } from "zod";
import { listSessions, revokeOtherSessions, revokeOwnSession } from "../../auth/sessions";
import { getDb } from "../../db/client";
import { zId } from "../../validation";
import { listMemberships } from "../../db/tenant";

export const accountRouter = router({
  signUp: publicProcedure.input(ZSignUpInput).mutation(({ ctx, input }) => signUp(input, ctx.ip)),
  confirmSignUp: publicProcedure.input(ZConfirmSignUpInput).mutation(({ input }) => confirmSignUp(input.token)),
  signUpWithInvitation: publicProcedure
    .input(ZSignUpWithInvitationInput)
    .mutation(({ ctx, input }) => signUpWithInvitation(input, ctx.ip)),
  requestPasswordReset: publicProcedure.input(ZRequestResetInput).mutation(async ({ input }) => {
    await requestPasswordReset(input.email);
    return { ok: true as const };
  }),
  resetPassword: publicProcedure.input(ZResetPasswordInput).mutation(async ({ input }) => {
    await resetPassword(input.token, input.password);
    return { ok: true as const };
  }),
  changePassword: protectedProcedure.input(ZChangePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.user.id, input.currentPassword, input.newPassword);
    return { ok: true as const };
  }),
  /** Where the user is signed in (browser, when it was last used), this device marked. */
  sessions: protectedProcedure.query(({ ctx }) => listSessions(ctx.user)),
  /** Signs one of the user's other sessions out. */
  revokeSession: protectedProcedure
    .input(z.object({ sessionId: zId }))
    .mutation(({ ctx, input }) => revokeOwnSession(ctx.user, input.sessionId)),
  /** Signs out every session of the user except this one. */
  signOutOthers: protectedProcedure.mutation(({ ctx }) => revokeOtherSessions(ctx.user)),
  me: protectedProcedure.query(async ({ ctx }) => {
    const orgs = await listMemberships(await getDb(), ctx.user.id);
    return {
      user: { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name },
      organizations: orgs.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind, role: o.role })),
    };
  }),
});
