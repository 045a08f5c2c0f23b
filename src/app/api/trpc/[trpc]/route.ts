import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { getCurrentUser } from "@/server/auth/current-user";
import { clientIp } from "@/server/http/client-ip";
import { formatBytes, readBodyWithin, trpcBodyLimit } from "@/server/http/body-limits";
import { requestIdOf } from "@/server/http/request-id";
import { TooManyRequestsError } from "@/server/auth/rate-limit";
import { RequestFailure } from "@/server/errors/internal-error";
import { log } from "@/server/log";
import { MAX_BATCH_SIZE } from "@/trpc/limits";

export const dynamic = "force-dynamic";

const ENDPOINT = "/api/trpc";

/** "rfp.update" or, for a batch, each of "a.b,c.d": read from the URL, before the body. */
function procedurePaths(req: Request): string[] {
  const rest = new URL(req.url).pathname.slice(ENDPOINT.length + 1);
  let decoded = rest;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    // A malformed escape: tRPC answers it as an unknown procedure; the limit is the default.
  }
  return decoded.split(",").filter(Boolean);
}

/** 413 in tRPC's own error shape (one entry per procedure of a batch), so the client shows the message. */
function tooLarge(req: Request, paths: string[], limit: number) {
  const error = superjson.serialize({
    message: `This request is larger than the ${formatBytes(limit)} this action accepts.`,
    code: -32600,
    data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 },
  });
  const batch = new URL(req.url).searchParams.get("batch") === "1";
  return Response.json(batch ? paths.map(() => ({ error })) : { error }, { status: 413 });
}

async function handler(req: Request) {
  // src/proxy.ts has already set a sane id on the request; the same rule applies without it.
  const requestId = requestIdOf(req.headers);
  const paths = procedurePaths(req);
  const requestLog = log.child({ requestId, path: paths.join(",") });
  let request = req;
  if (req.method === "POST") {
    // Refused before parsing, on Content-Length or on the bytes counted as they arrive.
    const limit = trpcBodyLimit(paths);
    const body = await readBodyWithin(req, limit);
    if (!body) {
      requestLog.warn({ limit }, "tRPC request refused: its body is over the limit");
      return withRequestId(tooLarge(req, paths, limit), requestId);
    }
    request = new Request(req, { body: body as BodyInit, ...({ duplex: "half" } as object) });
  }
  const response = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req: request,
    router: appRouter,
    // A longer batch gets 400 before any procedure runs.
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => {
      // A failed session lookup has no context to carry the id to the error message; this does.
      const user = await getCurrentUser().catch((e: unknown) => {
        throw new RequestFailure(requestId, e);
      });
      return createContext({ user, ip: clientIp(req.headers), requestId, log: requestLog });
    },
    // A refused attempt says when to come back (sign-up, password change, reset).
    responseMeta({ errors }) {
      const wait = errors.map((e) => e.cause).find((c): c is TooManyRequestsError => c instanceof TooManyRequestsError);
      return wait ? { headers: new Headers({ "Retry-After": String(wait.retryAfterSeconds) }) } : {};
    },
    // The user was shown the request id (trpc.ts's errorFormatter); this line is what it finds.
    onError({ error, path, ctx, input }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      const orgSlug = (input as { orgSlug?: unknown } | undefined)?.orgSlug;
      const cause = error.cause instanceof RequestFailure ? error.cause.cause : (error.cause ?? error);
      (ctx?.log ?? requestLog).error(
        { err: cause, procedure: path ?? null, orgSlug: typeof orgSlug === "string" ? orgSlug : null },
        `tRPC ${path ?? "?"} failed`,
      );
    },
  });
  return withRequestId(response, requestId);
}

function withRequestId(response: Response, requestId: string): Response {
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export { handler as GET, handler as POST };
