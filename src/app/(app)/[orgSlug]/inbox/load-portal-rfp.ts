import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { serverCaller } from "@/trpc/server";

/**
 * The invited CDMO's view of an RFP for the portal's pages. Not invited, revoked, or no such
 * RFP: the same 404 everywhere, so nothing leaks.
 */
export async function loadPortalRfp(orgSlug: string, rfpId: string) {
  try {
    return await (await serverCaller()).portal.rfp({ orgSlug, rfpId });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
}
