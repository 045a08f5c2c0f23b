import { ZodError } from "zod";
import type { SessionUser } from "../auth/sessions";
import { TooManyRequestsError } from "../auth/rate-limit";
import { AppError, type AppErrorCode } from "../errors/app-error";
import { securityHeaders } from "../http/security-headers";
import { requestIdFor } from "../http/request-id";
import { internalErrorMessage } from "../errors/internal-error";
import { log } from "../log";
import { fieldMessageOf } from "../validation";
import { UPLOAD_HEADER } from "./kinds";
import { FileTooLargeError } from "./spool";
import { openDownload, uploadFile } from "./transfer";

// HTTP for the file routes (src/app/api/files/...). They are left out of src/proxy.ts's matcher:
// Next.js copies a request body into memory for a proxy, and cuts it at 10 MB, which would defeat
// streaming and the size check; so these responses get the same security headers from here.

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PRECONDITION_FAILED: 412,
};

/** The project's security headers (fresh CSP nonce), the request's id (X-Request-Id), plus `extra`. */
export function fileRouteHeaders(req: Request, extra: Record<string, string> = {}): Headers {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const https = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const h = new Headers(securityHeaders({ nonce, https, dev: process.env.NODE_ENV === "development" }));
  h.set("Cache-Control", "private, no-store");
  h.set("X-Request-Id", requestIdFor(req));
  for (const [k, v] of Object.entries(extra)) h.set(k, v);
  return h;
}

function json(req: Request, status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: fileRouteHeaders(req, { "Content-Type": "application/json; charset=utf-8", ...extra }),
  });
}

export function errorResponse(req: Request, e: unknown): Response {
  if (e instanceof ZodError) {
    const field = e.issues[0]?.path.join(".") || undefined;
    return json(req, 400, { error: { message: fieldMessageOf(e.issues), field } });
  }
  if (e instanceof AppError) {
    const status = e instanceof FileTooLargeError ? 413 : STATUS[e.code];
    const extra: Record<string, string> =
      e instanceof TooManyRequestsError ? { "Retry-After": String(e.retryAfterSeconds) } : {};
    return json(req, status, { error: { message: e.message, field: e.field } }, extra);
  }
  const requestId = requestIdFor(req);
  log.error({ err: e, requestId, method: req.method, path: new URL(req.url).pathname }, "File route failed");
  return json(req, 500, { error: { message: internalErrorMessage(requestId), requestId } });
}

export { UPLOAD_HEADER };

/**
 * POST (or PUT) /api/files?orgSlug=&purpose=RFP_ATTACHMENT&rfpId=&name=
 *                          ?orgSlug=&purpose=RESPONSE_ANSWER&responseId=&questionId=&name=
 * The body is the file's bytes. 201 with {file} or an error {error: {message, field}}.
 */
export async function handleUpload(req: Request, user: SessionUser | null): Promise<Response> {
  try {
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    if (req.headers.get(UPLOAD_HEADER) !== "1")
      throw new AppError("BAD_REQUEST", `Uploads must send the ${UPLOAD_HEADER} header.`);
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const length = req.headers.get("content-length");
    const file = await uploadFile({
      user,
      params,
      body: req.body,
      declaredLength: length && /^\d+$/.test(length) ? Number(length) : null,
    });
    return json(req, 201, { file });
  } catch (e) {
    return errorResponse(req, e);
  }
}

/** ASCII fallback for Content-Disposition: letters, digits and . _ - and spaces; the rest become "_". */
export function asciiFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._ -]/g, "_").replace(/^[. ]+/, "");
  return safe || "file";
}

export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}

/** GET /api/files/{fileId}?orgSlug= : the bytes, as an attachment; 404 for anything the caller may not see. */
export async function handleDownload(req: Request, user: SessionUser | null, fileId: string): Promise<Response> {
  try {
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    const orgSlug = new URL(req.url).searchParams.get("orgSlug");
    const found = await openDownload({ user, params: { orgSlug, fileId } });
    if (!found) throw new AppError("NOT_FOUND", "File not found.");
    const { file, body } = found;
    return new Response(body, {
      status: 200,
      headers: fileRouteHeaders(req, {
        "Content-Type": file.contentType,
        "Content-Length": String(file.size),
        "Content-Disposition": contentDisposition(file.fileName),
        // A file opened in the browser by mistake runs nothing and cannot be framed.
        "Content-Security-Policy": "default-src 'none'; sandbox; frame-ancestors 'none'",
        ETag: `"${file.sha256}"`,
      }),
    });
  } catch (e) {
    return errorResponse(req, e);
  }
}
