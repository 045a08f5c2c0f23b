import { describe, expect, it } from "vitest";
import { forwardedByProxy, isLoopback, outboxVisible } from "./outbox-access";

const dev = { NODE_ENV: "development" as const, ENABLE_DEV_OUTBOX: undefined, SMTP_URL: undefined };
const prodOptedIn = { NODE_ENV: "production" as const, ENABLE_DEV_OUTBOX: "1" as const, SMTP_URL: undefined };

describe("outboxVisible", () => {
  it("shows the outbox to a loopback client of a loopback-bound server", () => {
    expect(outboxVisible({ peer: "127.0.0.1", boundHost: "127.0.0.1", env: dev })).toBe(true);
    expect(outboxVisible({ peer: "::1", boundHost: "::1", env: dev })).toBe(true);
    expect(outboxVisible({ peer: "::ffff:127.0.0.1", boundHost: "localhost", env: prodOptedIn })).toBe(true);
  });

  it("hides it from any non-loopback client", () => {
    for (const peer of ["10.0.0.7", "192.168.1.20", "203.0.113.9", "::ffff:10.0.0.7", "fe80::1", null, "", "garbage"]) {
      expect(outboxVisible({ peer, boundHost: "127.0.0.1", env: prodOptedIn }), String(peer)).toBe(false);
      expect(outboxVisible({ peer, boundHost: "127.0.0.1", env: dev }), String(peer)).toBe(false);
    }
  });

  it("hides it when the server listens beyond loopback, even to a loopback client", () => {
    for (const boundHost of ["0.0.0.0", "::", "10.0.0.1", "cdmo.example.com"]) {
      expect(outboxVisible({ peer: "127.0.0.1", boundHost, env: prodOptedIn }), boundHost).toBe(false);
    }
  });

  it("hides it in production unless ENABLE_DEV_OUTBOX=1, and whenever SMTP is configured", () => {
    expect(
      outboxVisible({
        peer: "127.0.0.1",
        boundHost: "127.0.0.1",
        env: { ...prodOptedIn, ENABLE_DEV_OUTBOX: undefined },
      }),
    ).toBe(false);
    expect(
      outboxVisible({ peer: "127.0.0.1", boundHost: "127.0.0.1", env: { ...prodOptedIn, ENABLE_DEV_OUTBOX: "0" } }),
    ).toBe(false);
    expect(
      outboxVisible({ peer: "127.0.0.1", boundHost: "127.0.0.1", env: { ...dev, SMTP_URL: "smtp://mail.example" } }),
    ).toBe(false);
  });

  it("recognises loopback addresses only", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"].every(isLoopback)).toBe(true);
    expect(["128.0.0.1", "0.0.0.0", "::", "::2", "localhost.evil.example", undefined].some(isLoopback)).toBe(false);
  });

  it("hides it from requests a proxy on this machine forwarded, whose TCP peer is loopback for every client", () => {
    const visible = (h: Record<string, string>) => {
      const headers = new Headers(h);
      return outboxVisible({
        peer: "127.0.0.1",
        boundHost: "127.0.0.1",
        env: prodOptedIn,
        forwarded: forwardedByProxy(headers, "127.0.0.1"),
      });
    };
    // nginx's usual headers for a client on the internet.
    expect(visible({ "x-forwarded-for": "203.0.113.9" })).toBe(false);
    expect(visible({ "x-forwarded-for": "203.0.113.9, 127.0.0.1" })).toBe(false);
    expect(visible({ "x-real-ip": "203.0.113.9" })).toBe(false);
    expect(visible({ forwarded: "for=203.0.113.9" })).toBe(false);
    expect(visible({ "x-forwarded-for": "garbage" })).toBe(false);
    // Next.js fills X-Forwarded-For with the peer itself when a browser on this machine sent none.
    expect(visible({ "x-forwarded-for": "127.0.0.1" })).toBe(true);
    expect(visible({})).toBe(true);
  });
});
