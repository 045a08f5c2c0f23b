import { BlockList, isIP } from "node:net";
import { env } from "../env";

// The one place that decides who the client is. `npm start` serves through
// scripts/server.mjs, which writes the TCP peer's address into PEER_HEADER on every
// request (overwriting whatever the client sent). X-Forwarded-For is believed only as
// far as the hops that wrote it are configured proxies (TRUSTED_PROXIES): walk the chain
// from the right (peer first), skipping trusted proxies; the first address that is not a
// trusted proxy is the client. A client that rotates X-Forwarded-For only changes hops
// to the left of the untrusted one, which are never read.

export const PEER_HEADER = "x-cdmo-peer-addr";

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an IP address → null. */
export function normaliseIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let v = raw.trim();
  if (v.startsWith("[") && v.includes("]")) v = v.slice(1, v.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
  if (m) v = m[1]!;
  v = v.replace(/%.*$/, "");
  return isIP(v) ? v.toLowerCase() : null;
}

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [addr, bits] = entry.split("/");
    const type = isIP(addr!) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(addr!, type);
    else list.addSubnet(addr!, Number(bits), type);
  }
  return list;
}

const isTrusted = (list: BlockList, ip: string) => list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address from the TCP peer and the X-Forwarded-For header, trusting the
 * header only through hops in `trusted`. Returns "unknown" when nothing usable is known.
 */
export function resolveClientIp(peer: string | null, xff: string | null, trusted: BlockList): string {
  const hops = (xff ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let current = normaliseIp(peer);
  if (!current) {
    // No peer recorded (not served through scripts/server.mjs, e.g. `next dev`): Next.js
    // puts the socket address into X-Forwarded-For when the client sent none; use the
    // right-most hop as the peer. Production runs through scripts/server.mjs.
    current = normaliseIp(hops.pop());
    if (!current) return "unknown";
  }
  while (isTrusted(trusted, current) && hops.length > 0) {
    const next = normaliseIp(hops.pop());
    // A garbled hop written by (or passed through) our own proxy: stop at the proxy.
    if (!next) return current;
    current = next;
  }
  return current;
}

let trustedCache: { key: string; list: BlockList } | undefined;

function trustedFromEnv(): BlockList {
  const entries = env().TRUSTED_PROXIES;
  const key = entries.join(",");
  if (trustedCache?.key !== key) trustedCache = { key, list: trustedProxyList(entries) };
  return trustedCache.list;
}

type HeaderSource = Headers | { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(h: HeaderSource, name: string): string | null {
  if (typeof (h as Headers).get === "function") return (h as Headers).get(name);
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join(",") : (v ?? null);
}

/** The client address of a request (fetch Headers or Node's IncomingHttpHeaders). */
export function clientIp(h: HeaderSource): string {
  return resolveClientIp(header(h, PEER_HEADER), header(h, "x-forwarded-for"), trustedFromEnv());
}

/** The TCP peer's address as recorded by scripts/server.mjs (or Next's fallback). */
export function peerAddress(h: HeaderSource): string | null {
  const peer = normaliseIp(header(h, PEER_HEADER));
  if (peer) return peer;
  const hops = (header(h, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return normaliseIp(hops.pop());
}
