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

export async function limitCredentialsSignIn(
  req: Request,
  signIn: (req: Request) => Promise<Response>,
): Promise<Response> {
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase();
  // Without an e-mail next-auth refuses the attempt itself.
  if (!email) return signIn(req);
  const attempt = { email, ip: clientIp(req.headers), deviceCookie: cookie(req, deviceCookieName()) };
  const admission = await admitLogin(attempt);
  if (!admission.ok) {
    // The same answer whether or not the account exists. next-auth's client reads the
    // `error` parameter of `url`; the login form shows it as it is.
    const url = `${publicUrl()}/api/auth/error?error=${encodeURIComponent(tooManyMessage(admission.retryAfterSeconds))}`;
    return Response.json({ url }, { status: 429, headers: { "Retry-After": String(admission.retryAfterSeconds) } });
  }
  const res = await signIn(req);
  if (res.headers.getSetCookie().some((c) => SESSION_COOKIE.test(c))) {
    await loginSucceeded(attempt, admission.deviceId);
    res.headers.append("Set-Cookie", deviceCookieHeader(email, admission.deviceId ?? undefined));
  }
  return res;
}
