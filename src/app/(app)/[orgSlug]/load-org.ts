import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { currentUser, serverCaller } from "@/trpc/server";

/**
 * The signed-in user and their membership of the organisation in the URL, once per request.
 * Layout and pages both call it (they render in parallel), so each is guarded on its own.
 * Non-members get the 404 page: whether an organisation exists does not leak.
 */
export const loadOrg = cache(async (orgSlug: string) => {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=/${orgSlug}`);
  try {
    const org = await (await serverCaller()).organization.current({ orgSlug });
    return { user, org };
  } catch (err) {
    if (err instanceof TRPCError) {
      if (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST") notFound();
      if (err.code === "UNAUTHORIZED") redirect(`/login?callbackUrl=/${orgSlug}`);
    }
    throw err;
  }
});

export type LoadedOrg = Awaited<ReturnType<typeof loadOrg>>["org"];
