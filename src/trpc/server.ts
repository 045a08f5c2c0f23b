import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { getCurrentUser } from "@/server/auth/current-user";
import { appRouter, createCaller, type AppRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { clientIp } from "@/server/http/client-ip";
import { REQUEST_ID_HEADER } from "@/server/http/request-id";
import { makeQueryClient } from "./query-client";

/** The signed-in user for this request (memoised per request). */
export const currentUser = cache(getCurrentUser);

/** One context per request, shared by the caller and the prefetches (one membership lookup). */
const serverContext = cache(async () => {
  const h = await headers();
  // The id src/proxy.ts gave this request, so a page's log lines match its response header.
  const requestId = h.get(REQUEST_ID_HEADER) ?? undefined;
  return createContext({ user: await currentUser(), ip: clientIp(h), requestId });
});

/** A tRPC caller for server components: same context, same procedures, same checks. */
export const serverCaller = cache(async () => createCaller(await serverContext()));

/** The request's query cache: what a server component prefetches, `HydrateClient` hands over. */
export const serverQueryClient = cache(makeQueryClient);

/**
 * Query options built on the server with the same keys as the browser's `useTRPC()`, for
 * `serverQueryClient().prefetchQuery(...)`: the page's first HTML then has its data, and the
 * client component finds it in its cache instead of fetching after hydration.
 */
export const serverTrpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  ctx: serverContext,
  queryClient: serverQueryClient,
});
