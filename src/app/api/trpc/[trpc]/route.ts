import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { getCurrentUser } from "@/server/auth/current-user";
import { clientIp } from "@/server/http/client-ip";
import { TooManyRequestsError } from "@/server/auth/rate-limit";
import { MAX_BATCH_SIZE } from "@/trpc/limits";

export const dynamic = "force-dynamic";

// Requests larger than this are refused before parsing, so a huge payload cannot tie up
// the server. Imports send files through their own procedures in chunks under this size.
const MAX_BODY_BYTES = 2 * 1024 * 1024;

function tooLarge() {
  return Response.json(
    [
      {
        error: {
          message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
          code: -32600,
          data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 },
        },
      },
    ],
    { status: 413 },
  );
}

async function handler(req: Request) {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge();
  let request = req;
  if (req.method === "POST") {
    // Content-Length can be absent (chunked); measure what actually arrived.
    const body = await req.arrayBuffer();
    if (body.byteLength > MAX_BODY_BYTES) return tooLarge();
    request = new Request(req, { body, ...({ duplex: "half" } as object) });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // A longer batch gets 400 before any procedure runs.
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => createContext({ user: await getCurrentUser(), ip: clientIp(req.headers) }),
    // A refused attempt says when to come back (sign-up, password change, reset).
    responseMeta({ errors }) {
      const wait = errors.map((e) => e.cause).find((c): c is TooManyRequestsError => c instanceof TooManyRequestsError);
      return wait ? { headers: new Headers({ "Retry-After": String(wait.retryAfterSeconds) }) } : {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
