import { redirect } from "next/navigation";
import { currentUser, serverCaller } from "@/trpc/server";

export const dynamic = "force-dynamic";

/** The front door: the first organisation's workspace, or sign-in, or creating one. */
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const me = await (await serverCaller()).account.me();
  const first = me.organizations[0];
  redirect(first ? `/${first.slug}` : "/orgs/new");
}
