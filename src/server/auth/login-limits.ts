import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env, publicUrl } from "../env";
import { resetLimit, reward, take, type LimitResult } from "./rate-limit";

// Sign-in limits, decided before next-auth checks the password (src/app/api/auth/[...nextauth]/route.ts).
// Without a known-device cookie an attempt counts per account+address, per address and per
// account. With one (set on this browser by an earlier successful sign-in to this account,
// signed so it cannot be made up) it counts per device only, so someone hammering an account
// from elsewhere, or from the same network, does not lock its owner out.

const DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
const processSecret = randomBytes(32).toString("base64url");
// Without NEXTAUTH_SECRET (tests), device cookies are valid for this process only.
const secret = () => env().NEXTAUTH_SECRET ?? processSecret;

export const deviceCookieName = () => (publicUrl().startsWith("https://") ? "__Host-cdmo-device" : "cdmo-device");

const sign = (deviceId: string, email: string) =>
  createHmac("sha256", secret()).update(`device|${deviceId}|${email.toLowerCase()}`).digest("base64url");

/** The device id when `cookie` was issued to this browser for `email`, else null. */
export function verifyDeviceCookie(cookie: string | undefined, email: string): string | null {
  if (!cookie) return null;
  const [id, mac] = cookie.split(".");
  if (!id || !mac || !/^[\w-]{16,64}$/.test(id)) return null;
  const expected = Buffer.from(sign(id, email));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** A Set-Cookie value that makes this browser a known device for `email`. */
export function deviceCookieHeader(email: string, deviceId = randomBytes(18).toString("base64url")): string {
  const https = publicUrl().startsWith("https://");
  const value = `${deviceId}.${sign(deviceId, email)}`;
  return `${deviceCookieName()}=${value}; Path=/; Max-Age=${DEVICE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${https ? "; Secure" : ""}`;
}

export type LoginAttempt = { email: string; ip: string; deviceCookie?: string };
export type Admission = ({ ok: true } | { ok: false; retryAfterSeconds: number }) & { deviceId: string | null };

/** Count this attempt; refuse it (with a retry hint) when a limit is used up. */
export async function admitLogin(a: LoginAttempt): Promise<Admission> {
  const email = a.email.trim().toLowerCase();
  const deviceId = verifyDeviceCookie(a.deviceCookie, email);
  const checks: (() => Promise<LimitResult>)[] = deviceId
    ? [() => take("loginDevice", `${deviceId}|${email}`)]
    : [
        () => take("loginIp", a.ip),
        () => take("loginAccountIp", `${email}|${a.ip}`),
        () => take("loginAccount", email),
      ];
  for (const check of checks) {
    const r = await check();
    if (!r.ok) return { ...r, deviceId };
  }
  return { ok: true, deviceId };
}

/** After a successful sign-in: the attempts that led to it no longer count. */
export async function loginSucceeded(a: LoginAttempt, deviceId: string | null): Promise<void> {
  const email = a.email.trim().toLowerCase();
  if (deviceId) {
    await resetLimit("loginDevice", `${deviceId}|${email}`);
    return;
  }
  await resetLimit("loginAccountIp", `${email}|${a.ip}`);
  await reward("loginAccount", email);
  // Colleagues behind one address sign in all day; only failures should add up there.
  await reward("loginIp", a.ip);
}
