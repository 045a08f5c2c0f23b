import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/sessions";
import { TRPC_BODY_LIMITS } from "@/server/http/body-limits";
import { captureLogLinesForTests, setLogDestinationForTests } from "@/server/log";

// The tRPC route as the browser meets it, without a database: the session lookup and one
// procedure's service are replaced, so a failure "on our side" can be made on purpose.
const session = vi.hoisted(() => ({ user: null as SessionUser | null, fail: null as Error | null }));
vi.mock("@/server/auth/current-user", () => ({
  getCurrentUser: async () => {
    if (session.fail) throw session.fail;
    return session.user;
  },
}));
vi.mock("@/server/auth/sessions", async (original) => ({
  ...(await original<typeof import("@/server/auth/sessions")>()),
  listSessions: async () => {
    throw new Error('relation "AuthSession" does not exist (internal detail)');
  },
}));

const { GET, POST } = await import("./route");

const USER: SessionUser = { id: "user-7", email: "olivia.owner@helix.example", name: "Olivia", sessionId: "s1" };
let lines: Record<string, unknown>[] = [];
beforeEach(() => {
  session.user = USER;
  session.fail = null;
  lines = captureLogLinesForTests();
});
afterEach(() => setLogDestinationForTests(undefined));

const url = (paths: string, batch = true) => `http://localhost:3000/api/trpc/${paths}${batch ? "?batch=1" : ""}`;

describe("an internal error reaches the user as a reference", () => {
  it("shows the request id, not the cause, and logs the cause under the same id", async () => {
    const res = await GET(new Request(url("account.sessions") + "&input=%7B%7D"));
    expect(res.status).toBe(500);
    const id = res.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const text = await res.text();
    const [{ error }] = JSON.parse(text);
    expect(error.json.message).toBe(
      `Something went wrong on our side. Try again; if it persists, contact support. Reference: ${id}`,
    );
    expect(error.json.data.requestId).toBe(id);
    expect(text).not.toMatch(/AuthSession|internal detail|\.ts:\d/);
    expect(error.json.data.stack ?? null).toBeNull();

    const failed = lines.filter((l) => l.level === "error");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      requestId: id,
      userId: USER.id,
      procedure: "account.sessions",
      msg: "tRPC account.sessions failed",
    });
    expect((failed[0]!.err as { message: string }).message).toContain("AuthSession");
  });

  it("keeps a sane X-Request-Id from the proxy in front and replaces an unsafe one", async () => {
    const sane = await GET(
      new Request(url("account.sessions"), { headers: { "x-request-id": "nginx-0123456789abcdef" } }),
    );
    expect(sane.headers.get("x-request-id")).toBe("nginx-0123456789abcdef");
    expect(lines.at(-1)).toMatchObject({ requestId: "nginx-0123456789abcdef" });
    const unsafe = await GET(new Request(url("account.sessions"), { headers: { "x-request-id": "<script>" } }));
    expect(unsafe.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives a reference when the session lookup itself fails", async () => {
    session.fail = new Error("connection to 10.0.0.5 refused");
    const res = await GET(new Request(url("account.me")));
    const id = res.headers.get("x-request-id")!;
    const [{ error }] = await res.json();
    expect(res.status).toBe(500);
    expect(error.json.message).toContain(`Reference: ${id}`);
    expect(error.json.message).not.toContain("10.0.0.5");
    expect(lines.find((l) => l.level === "error")).toMatchObject({ requestId: id, procedure: "account.me" });
  });

  it("says nothing more than before for errors that are the user's (no reference, no log line)", async () => {
    session.user = null;
    const res = await GET(new Request(url("account.sessions")));
    expect(res.status).toBe(401);
    const [{ error }] = await res.json();
    expect(error.json.message).toBe("Sign in to continue.");
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
  });
});

/** A POST of `bytes` bytes: with Content-Length, or streamed in chunks without one. */
function post(paths: string, bytes: number, opts: { chunked?: boolean; batch?: boolean } = {}) {
  const body = `{"0":{"json":{"name":"${"x".repeat(Math.max(0, bytes - 22))}"}}}`.slice(0, bytes);
  if (!opts.chunked)
    return new Request(url(paths, opts.batch ?? true), {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
    });
  const data = new TextEncoder().encode(body);
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= data.length) return c.close();
      c.enqueue(data.subarray(at, (at += 65536)));
    },
  });
  return new Request(url(paths, opts.batch ?? true), {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/json" },
    ...({ duplex: "half" } as object),
  });
}

describe("request body limits per route", () => {
  beforeEach(() => {
    session.user = null; // every accepted body then stops at 401, before any database work
  });

  const cases = [
    ["account.signUp", TRPC_BODY_LIMITS.default, "256 KB"],
    ["vendors.importStage", TRPC_BODY_LIMITS["vendors.importStage"], "2 MB"],
    ["portal.response.saveDraft", TRPC_BODY_LIMITS["portal.response.saveDraft"], "10 MB"],
  ] as const;

  for (const [path, limit, named] of cases) {
    it(`${path}: refuses ${named} + 1 byte with 413 naming the limit, accepts ${named}`, async () => {
      const over = await POST(post(path, limit + 1));
      expect(over.status).toBe(413);
      expect(over.headers.get("x-request-id")).toBeTruthy();
      const [{ error }] = await over.json();
      expect(error.json.message).toBe(`This request is larger than the ${named} this action accepts.`);
      expect(error.json.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
      expect(lines.at(-1)).toMatchObject({ level: "warn", path, limit });

      const under = await POST(post(path, limit));
      expect(under.status).not.toBe(413);
    });

    it(`${path}: refuses a chunked body over ${named} without a Content-Length`, async () => {
      expect((await POST(post(path, limit + 1, { chunked: true }))).status).toBe(413);
      expect((await POST(post(path, limit, { chunked: true }))).status).not.toBe(413);
    });
  }

  it("gives a batch its largest procedure's limit, and answers each of its procedures", async () => {
    const body = await POST(post("account.signUp,vendors.importStage", TRPC_BODY_LIMITS.default + 1));
    expect(body.status).not.toBe(413);
    const over = await POST(post("account.signUp,account.me", TRPC_BODY_LIMITS.default + 1));
    expect(over.status).toBe(413);
    expect(await over.json()).toHaveLength(2);
  });

  it("takes a malformed address as an unknown procedure under the default limit", async () => {
    expect((await POST(post("account.%E0%A4%A", TRPC_BODY_LIMITS.default + 1))).status).toBe(413);
    const small = await POST(post("account.%E0%A4%A", 100));
    expect([small.status >= 400, small.status < 500]).toEqual([true, true]);
  });

  it("answers a single (unbatched) call in its own shape", async () => {
    const over = await POST(post("account.signUp", TRPC_BODY_LIMITS.default + 1, { batch: false }));
    expect(over.status).toBe(413);
    expect((await over.json()).error.json.message).toContain("256 KB");
  });
});
