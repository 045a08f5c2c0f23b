import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
import { config } from "@/proxy";
// @ts-expect-error -- next.config.mjs is plain JavaScript without type declarations
import nextConfigModule from "../../../next.config.mjs";

const nextConfig = nextConfigModule as NextConfig;

// Which responses get which headers: the proxy (CSP with a nonce) runs on every route but
// Next's own static output, and next.config.mjs covers that static output.

const throughProxy = (path: string) => config.matcher.some((m) => new RegExp(`^${m.source}$`).test(path));

describe("security headers coverage", () => {
  it("sends every route that is not Next's hashed output through the proxy", () => {
    for (const path of [
      "/",
      "/login",
      "/favicon.ico",
      "/robots.txt",
      "/helix/vendors",
      "/api/trpc/account.me",
      "/api/auth/csrf",
      "/api/filesystem",
      "/helix/api/files",
    ])
      expect(throughProxy(path), path).toBe(true);
    for (const path of ["/_next/static/chunks/a.js", "/_next/image"]) expect(throughProxy(path), path).toBe(false);
  });

  it("leaves the file routes out (a proxy would buffer an upload in memory); they set the headers themselves", () => {
    for (const path of ["/api/files", "/api/files/f123"]) expect(throughProxy(path), path).toBe(false);
  });

  it("gives Next's static output nosniff and no framing", async () => {
    const rules = await nextConfig.headers!();
    for (const source of ["/_next/static/:path*", "/_next/image"]) {
      const rule = rules.find((r) => r.source === source);
      const h = Object.fromEntries((rule?.headers ?? []).map((x) => [x.key.toLowerCase(), x.value]));
      expect(h["x-content-type-options"], source).toBe("nosniff");
      expect(h["x-frame-options"], source).toBe("DENY");
      expect(h["content-security-policy"], source).toContain("frame-ancestors 'none'");
    }
  });
});
