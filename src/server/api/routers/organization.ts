import { orgProcedure, protectedProcedure, router } from "../trpc";
import { ZCreateOrganizationInput } from "../../accounts/schemas";
import { createOrganization } from "../../orgs/create-organization";
import { getDb } from "../../db/client";

export const organizationRouter = router({
  /** A further organisation for the signed-in user, who becomes its owner. */
  create: protectedProcedure.input(ZCreateOrganizationInput).mutation(async ({ ctx, input }) => {
    const org = await createOrganization(await getDb(), {
      name: input.name,
      kind: input.kind,
      userId: ctx.user.id,
      actor: { id: ctx.user.id, email: ctx.user.email },
    });
    return { slug: org.slug };
  }),
  current: orgProcedure("org.read").query(({ ctx }) => ({ ...ctx.org })),
});
