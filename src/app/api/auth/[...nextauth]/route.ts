import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";
import { malformedAuthRequest } from "@/server/auth/auth-route-guard";
import { limitCredentialsSignIn } from "@/server/auth/credentials-sign-in";
import { AUTH_BODY_LIMIT, formatBytes, withBodyWithin } from "@/server/http/body-limits";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };
const handler = NextAuth(authOptions) as (req: NextRequest, ctx: RouteContext) => Promise<Response>;

async function GET(req: NextRequest, ctx: RouteContext) {
  const { nextauth } = await ctx.params;
  return (await malformedAuthRequest(req, nextauth)) ?? handler(req, ctx);
}

/**
 * A body over AUTH_BODY_LIMIT is refused before anything reads it (src/server/http/body-limits.ts).
 * Credentials sign-in goes through the sign-in limits first (429 with Retry-After); next-auth gets the request they checked.
 */
async function POST(original: NextRequest, ctx: RouteContext) {
  const { nextauth } = await ctx.params;
  const within = await withBodyWithin(original, AUTH_BODY_LIMIT);
  if (!within)
    return Response.json(
      { error: `The request is larger than the ${formatBytes(AUTH_BODY_LIMIT)} signing in accepts.` },
      { status: 413 },
    );
  const req = new NextRequest(within);
  const malformed = await malformedAuthRequest(req, nextauth);
  if (malformed) return malformed;
  if (nextauth?.[0] === "callback" && nextauth[1] === "credentials")
    return limitCredentialsSignIn(req, (checked) => handler(new NextRequest(checked), ctx));
  return handler(req, ctx);
}

export { GET, POST };
