import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getCurrentUser } from "@/server/auth/current-user";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { clientIp } from "@/server/http/client-ip";

/** The signed-in user for this request (memoised per request). */
export const currentUser = cache(getCurrentUser);

/** A tRPC caller for server components: same context, same procedures, same checks. */
export const serverCaller = cache(async () => {
  const h = await headers();
  const user = await currentUser();
  return createCaller(await createContext({ user, ip: clientIp(h) }));
});
