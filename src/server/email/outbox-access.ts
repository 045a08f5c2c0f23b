import { isIP } from "node:net";
import { env, type Env } from "../env";
import { normaliseIp } from "../http/client-ip";

// /dev/outbox shows password-reset and invitation links, which are credentials. It may
// show them only to someone who could read those mailboxes anyway: a person at the
// machine the server runs on. So: no SMTP (else there is nothing to show), outside
// production only when the operator opted in (ENABLE_DEV_OUTBOX=1), a server bound to a
// loopback address (unreachable from the network), and a loopback client.

export function isLoopback(addr: string | null | undefined): boolean {
  if (!addr) return false;
  if (addr.trim().toLowerCase() === "localhost") return true;
  const ip = normaliseIp(addr);
  if (!ip) return false;
  return isIP(ip) === 4 ? ip.startsWith("127.") : ip === "::1";
}

export type OutboxDecision = {
  peer: string | null;
  boundHost: string;
  env: Pick<Env, "NODE_ENV" | "ENABLE_DEV_OUTBOX" | "SMTP_URL">;
  /** The request came through a proxy (forwardedByProxy): its TCP peer is the proxy, not the reader. */
  forwarded?: boolean;
};

/** True when the outbox page may answer this request; the page answers 404 otherwise. */
export function outboxVisible({ peer, boundHost, env: e, forwarded = false }: OutboxDecision): boolean {
  if (e.SMTP_URL) return false;
  if (e.NODE_ENV === "production" && e.ENABLE_DEV_OUTBOX !== "1") return false;
  return !forwarded && isLoopback(boundHost) && isLoopback(peer);
}

/**
 * True when the request carries what a reverse proxy adds: a reverse proxy on the same
 * machine (nginx in front of the default 127.0.0.1 bind) connects from loopback for every
 * client on the internet. Next.js itself sets X-Forwarded-For to the peer when it is
 * missing, so only a header naming anything else counts.
 */
export function forwardedByProxy(h: { get(name: string): string | null }, peer: string | null): boolean {
  if (h.get("forwarded") !== null || h.get("x-real-ip") !== null) return true;
  const xff = h.get("x-forwarded-for");
  if (xff === null) return false;
  const hops = xff.split(",").map((s) => s.trim());
  return hops.length !== 1 || normaliseIp(hops[0]) === null || normaliseIp(hops[0]) !== normaliseIp(peer);
}

/** Said once at start when the outbox is on in a production build. */
export function outboxWarning(e: Env = env()): string | null {
  if (e.NODE_ENV !== "production" || e.ENABLE_DEV_OUTBOX !== "1" || e.SMTP_URL) return null;
  if (!isLoopback(e.HOST))
    return `ENABLE_DEV_OUTBOX=1 is ignored: the server listens on ${e.HOST}, not on loopback; /dev/outbox answers 404.`;
  return "ENABLE_DEV_OUTBOX=1: /dev/outbox shows password-reset and invitation links to clients on this machine. Never enable it on a shared host.";
}
