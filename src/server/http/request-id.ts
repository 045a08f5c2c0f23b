// Every request gets an id: logged on each line the request writes, sent back in the
// X-Request-Id response header, and quoted to the user when something fails on our side, so
// support can find the request's log lines from what the user reads out.
// Pure (Web Crypto only): src/proxy.ts imports it as well as the route handlers.

export const REQUEST_ID_HEADER = "x-request-id";

/**
 * An id from a reverse proxy or load balancer (nginx's $request_id, a UUID) is kept so one id
 * follows the request through every hop; anything else is replaced, because the id goes into
 * log lines and messages and must not carry spaces, quotes, control characters or a novel.
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/;

export function isRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && REQUEST_ID_PATTERN.test(value);
}

/** The incoming X-Request-Id when it is sane, else a fresh UUID. */
export function requestIdOf(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return isRequestId(incoming) ? incoming : crypto.randomUUID();
}

// Route handlers outside src/proxy.ts's matcher (the file routes) build several responses from
// one Request; this keeps them on one id.
const assigned = new WeakMap<Request, string>();

/** The id of this request, the same on every call for the same Request object. */
export function requestIdFor(req: Request): string {
  let id = assigned.get(req);
  if (!id) assigned.set(req, (id = requestIdOf(req.headers)));
  return id;
}
