import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { AUTH_BODY_LIMIT } from "@/server/http/body-limits";
import { POST } from "./route";

// The sign-in route's body limit, before next-auth or the sign-in limits read anything. Bodies
// under it are malformed JSON on purpose, so the route answers 400 without a database.
const ctx = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const url = "http://localhost:3000/api/auth/callback/credentials";
const headers = { "content-type": "application/json" };

function chunked(bytes: number): NextRequest {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= bytes) return c.close();
      const n = Math.min(8192, bytes - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(120));
    },
  });
  return new NextRequest(new Request(url, { method: "POST", headers, body, ...({ duplex: "half" } as object) }));
}

describe("sign-in body limit", () => {
  it("refuses a declared body over 64 KB with 413, and hands one at the limit on", async () => {
    const over = new NextRequest(url, { method: "POST", headers, body: "x".repeat(AUTH_BODY_LIMIT + 1) });
    const res = await POST(over, ctx);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe("The request is larger than the 64 KB signing in accepts.");
    const at = await POST(new NextRequest(url, { method: "POST", headers, body: "x".repeat(AUTH_BODY_LIMIT) }), ctx);
    expect(at.status).toBe(400);
  });

  it("refuses a chunked body over 64 KB without a Content-Length", async () => {
    expect((await POST(chunked(AUTH_BODY_LIMIT + 1), ctx)).status).toBe(413);
    expect((await POST(chunked(AUTH_BODY_LIMIT), ctx)).status).toBe(400);
  });
});
