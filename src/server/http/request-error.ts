import type { Instrumentation } from "next";
import { log } from "../log";
import { isRequestId, REQUEST_ID_HEADER } from "./request-id";

// A page, server action or route handler that threw (src/instrumentation.ts's onRequestError).
// The user's error page shows Next.js's digest as the reference; this line puts the digest
// beside the request id and the route, so either one finds the failure in the log.

type ErrorRequest = Parameters<Instrumentation.onRequestError>[1];
type ErrorContext = Parameters<Instrumentation.onRequestError>[2];

export function logRequestError(error: unknown, request: ErrorRequest, context: ErrorContext): void {
  const header = request.headers[REQUEST_ID_HEADER];
  const digest = (error as { digest?: unknown } | null)?.digest;
  // The route's pattern, not the address, where the address holds a secret (invitation links).
  const pathname = request.path.split("?")[0] ?? "";
  const path = /\[token\]/.test(context.routePath) ? context.routePath : pathname;
  log.error(
    {
      err: error,
      requestId: typeof header === "string" && isRequestId(header) ? header : null,
      digest: typeof digest === "string" ? digest : null,
      method: request.method,
      path,
      route: context.routePath,
      routeType: context.routeType,
    },
    `${context.routeType === "render" ? "Page" : "Request"} ${context.routePath} failed`,
  );
}
