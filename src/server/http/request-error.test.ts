import { afterAll, afterEach, describe, expect, it } from "vitest";
import { captureLogLinesForTests, setLogDestinationForTests } from "../log";
import { logRequestError } from "./request-error";

const lines = captureLogLinesForTests();
afterEach(() => void (lines.length = 0));
afterAll(() => setLogDestinationForTests(undefined));

const context = { routerKind: "App Router", routeType: "render", revalidateReason: undefined } as const;

describe("logRequestError", () => {
  it("puts the digest the error page shows beside the request id and the route", () => {
    const error = Object.assign(new Error("db down"), { digest: "2417745391" });
    logRequestError(
      error,
      { path: "/helix/rfps/r1?tab=evaluation", method: "GET", headers: { "x-request-id": "req-0123456789" } },
      { ...context, routePath: "/[orgSlug]/rfps/[rfpId]" },
    );
    expect(lines[0]).toMatchObject({
      level: "error",
      digest: "2417745391",
      requestId: "req-0123456789",
      path: "/helix/rfps/r1",
      route: "/[orgSlug]/rfps/[rfpId]",
      msg: "Page /[orgSlug]/rfps/[rfpId] failed",
    });
  });

  it("never logs an invitation token from the address, nor an unsafe request id", () => {
    logRequestError(
      new Error("boom"),
      { path: "/invite/secret-token-value", method: "GET", headers: { "x-request-id": "bad id" } },
      { ...context, routePath: "/invite/[token]" },
    );
    expect(JSON.stringify(lines)).not.toContain("secret-token-value");
    expect(lines[0]).toMatchObject({ path: "/invite/[token]", requestId: null, digest: null });
  });
});
