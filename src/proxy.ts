import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "./server/http/security-headers";
import { REQUEST_ID_HEADER, requestIdOf } from "./server/http/request-id";

// Runs before every page and API route (not before hashed static files): a fresh CSP
// nonce per request, handed to Next.js through the request's Content-Security-Policy
// header (it nonces its own scripts from there; pages are rendered per request, which
// nonces need), and the same headers on the response. Also the request's id
// (server/http/request-id.ts): set on the request, so route handlers, server components and
// src/instrumentation.ts's error log read the same one, and echoed in X-Request-Id.
export function proxy(request: NextRequest) {
  const requestId = requestIdOf(request.headers);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const headers = securityHeaders({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  // Hashed build output and optimised images get static headers from next.config.mjs;
  // everything else, prefetches included, gets these. (There is no favicon file: /favicon.ico
  // is an organisation page like any other name and needs the headers too.)
  // The file routes are left out too: Next.js copies a request body into memory for a proxy
  // (cut at 10 MB), which would defeat streaming uploads; they set these headers themselves
  // (src/server/files/http.ts).
  matcher: [{ source: "/((?!_next/static|_next/image|api/files(?:/|$)).*)" }],
};
