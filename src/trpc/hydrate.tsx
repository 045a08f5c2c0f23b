import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { serverQueryClient } from "./server";

/**
 * Hands what this request prefetched to the browser's query cache. A prefetch that failed is
 * not passed on: the client component asks again and shows its own error state.
 */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(serverQueryClient())}>{children}</HydrationBoundary>;
}
