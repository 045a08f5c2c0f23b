import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";
import { limitCredentialsSignIn } from "@/server/auth/credentials-sign-in";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };
const handler = NextAuth(authOptions) as (req: NextRequest, ctx: RouteContext) => Promise<Response>;

/** Credentials sign-in goes through the sign-in limits first (429 with Retry-After). */
async function POST(req: NextRequest, ctx: RouteContext) {
  const { nextauth } = await ctx.params;
  if (nextauth?.[0] === "callback" && nextauth[1] === "credentials")
    return limitCredentialsSignIn(req, () => handler(req, ctx));
  return handler(req, ctx);
}

export { handler as GET, POST };
