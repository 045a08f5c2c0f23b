import { describe, expect, it } from "vitest";
import { normaliseIp, resolveClientIp, trustedProxyList } from "./client-ip";

const none = trustedProxyList([]);
const proxies = trustedProxyList(["10.0.0.0/8", "192.168.1.5", "fd00::/8"]);

describe("resolveClientIp", () => {
  it("uses the TCP peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientIp("203.0.113.9", null, none)).toBe("203.0.113.9");
    expect(resolveClientIp("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientIp("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8", none)).toBe("203.0.113.9");
  });

  it("walks X-Forwarded-For from the right through trusted proxies only", () => {
    // client → proxy 10.1.1.1 → proxy 192.168.1.5 → us
    expect(resolveClientIp("192.168.1.5", "198.51.100.7, 10.1.1.1", proxies)).toBe("198.51.100.7");
    // A client-supplied left part is never read: the first untrusted hop wins.
    expect(resolveClientIp("10.1.1.1", "6.6.6.6, 198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(resolveClientIp("fd00::2", "2001:db8::5", proxies)).toBe("2001:db8::5");
  });

  it("does not let an untrusted peer choose its address by rotating the header", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) seen.add(resolveClientIp("203.0.113.9", `10.9.9.${i}, 7.7.7.${i}`, proxies));
    expect([...seen]).toEqual(["203.0.113.9"]);
  });

  it("stops at the last trusted proxy when the chain is empty or garbled", () => {
    expect(resolveClientIp("10.1.1.1", null, proxies)).toBe("10.1.1.1");
    expect(resolveClientIp("10.1.1.1", "1.2.3.4, not-an-ip", proxies)).toBe("10.1.1.1");
  });

  it("falls back to the right-most hop when no peer was recorded", () => {
    expect(resolveClientIp(null, "1.2.3.4, 203.0.113.9", none)).toBe("203.0.113.9");
    expect(resolveClientIp(null, null, none)).toBe("unknown");
  });

  it("normalises addresses", () => {
    expect(normaliseIp("::FFFF:1.2.3.4")).toBe("1.2.3.4");
    expect(normaliseIp("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseIp("1.2.3.4:5678")).toBe("1.2.3.4");
    expect(normaliseIp("1.2.3")).toBeNull();
  });
});
