import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("sends HSTS over https only", () => {
    expect(securityHeaders({ nonce: "abc", https: true, dev: false })["Strict-Transport-Security"]).toMatch(
      /^max-age=\d{7,}/,
    );
    expect(securityHeaders({ nonce: "abc", https: false, dev: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("puts the request's nonce into script-src, and eval only in development", () => {
    const prod = securityHeaders({ nonce: "n0nce", https: false, dev: false })["Content-Security-Policy"]!;
    expect(prod).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic';");
    expect(prod).not.toContain("unsafe-eval");
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(prod).toContain(d);
    expect(securityHeaders({ nonce: "n0nce", https: false, dev: true })["Content-Security-Policy"]).toContain(
      "'unsafe-eval'",
    );
  });
});
