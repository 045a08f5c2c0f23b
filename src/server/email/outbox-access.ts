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
};

/** True when the outbox page may answer this request; the page answers 404 otherwise. */
export function outboxVisible({ peer, boundHost, env: e }: OutboxDecision): boolean {
  if (e.SMTP_URL) return false;
  if (e.NODE_ENV === "production" && e.ENABLE_DEV_OUTBOX !== "1") return false;
  return isLoopback(boundHost) && isLoopback(peer);
}

/** Said once at start when the outbox is on in a production build. */
export function outboxWarning(e: Env = env()): string | null {
  if (e.NODE_ENV !== "production" || e.ENABLE_DEV_OUTBOX !== "1" || e.SMTP_URL) return null;
  if (!isLoopback(e.HOST))
    return `ENABLE_DEV_OUTBOX=1 is ignored: the server listens on ${e.HOST}, not on loopback; /dev/outbox answers 404.`;
  return "ENABLE_DEV_OUTBOX=1: /dev/outbox shows password-reset and invitation links to clients on this machine. Never enable it on a shared host.";
}
