import { admitLogin, deviceCookieHeader, deviceCookieName, loginSucceeded } from "./login-limits";
import { tooManyMessage } from "./rate-limit";
import { publicUrl } from "../env";
import { clientIp } from "../http/client-ip";

// Credentials sign-in passes the limits (login-limits.ts) before next-auth sees it, because
// next-auth's authorize() cannot answer 429 or set headers. The auth route hands every
// POST to /api/auth/callback/credentials through here; `signIn` is next-auth's handler.

const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token=[^;]+/;

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/**
 * The sign-in form's fields, one value each, from a body next-auth would read: next-auth
 * parses JSON when the content type mentions application/json and URL-encoded forms
 * otherwise (keeping the last of repeated fields). null when next-auth reads nothing.
 */
async function credentialFields(req: Request): Promise<Record<string, string> | null> {
  const type = req.headers.get("content-type") ?? "";
  const fields: Record<string, string> = {};
  if (type.includes("application/json")) {
    const body: unknown = await req.json().catch(() => undefined);
    if (!body || typeof body !== "object" || Array.isArray(body)) return {};
    for (const [k, v] of Object.entries(body)) if (typeof v === "string") fields[k] = v;
    return fields;
  }
  if (!type.includes("application/x-www-form-urlencoded")) return null;
  // First value of a repeated field (what a form posts once); the request handed on has only that one.
  for (const [k, v] of new URLSearchParams(await req.text())) if (!(k in fields)) fields[k] = v;
  return fields;
}

export async function limitCredentialsSignIn(
  req: Request,
  signIn: (req: Request) => Promise<Response>,
): Promise<Response> {
  const fields = await credentialFields(req.clone());
  // next-auth reads no credentials from any other body, so nobody can sign in with it.
  if (!fields) return signIn(req);
  // next-auth gets exactly the fields the limits were counted for: one e-mail, as a form,
  // so a JSON body or a repeated "email" cannot count one account and sign in to another.
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  const canonical = new Request(req.url, { method: "POST", headers, body: new URLSearchParams(fields) });
  const email = (fields.email ?? "").trim().toLowerCase();
  // Without an e-mail next-auth refuses the attempt itself.
  if (!email) return signIn(canonical);
  const attempt = { email, ip: clientIp(req.headers), deviceCookie: cookie(req, deviceCookieName()) };
  const admission = await admitLogin(attempt);
  if (!admission.ok) {
    // The same answer whether or not the account exists. next-auth's client reads the
    // `error` parameter of `url`; the login form shows it as it is.
    const url = `${publicUrl()}/api/auth/error?error=${encodeURIComponent(tooManyMessage(admission.retryAfterSeconds))}`;
    return Response.json({ url }, { status: 429, headers: { "Retry-After": String(admission.retryAfterSeconds) } });
  }
  const res = await signIn(canonical);
  if (res.headers.getSetCookie().some((c) => SESSION_COOKIE.test(c))) {
    await loginSucceeded(attempt, admission.deviceId);
    res.headers.append("Set-Cookie", deviceCookieHeader(email, admission.deviceId ?? undefined));
  }
  return res;
}
