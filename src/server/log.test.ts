import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, log, setLogDestinationForTests } from "./log";

/** A destination that keeps each JSON line, parsed. */
function lines() {
  const out: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) out.push(JSON.parse(l));
      done();
    },
  });
  return { out, stream };
}

describe("log", () => {
  it("writes one JSON object a line with a named level and an ISO time", () => {
    const { out, stream } = lines();
    createLogger(stream, "info").info({ job: "rfp.close", closed: 2 }, "RFPs closed");
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ level: "info", msg: "RFPs closed", job: "rfp.close", closed: 2 });
    expect(String(out[0]!.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("carries a request's id on every line of its child logger", () => {
    const { out, stream } = lines();
    const child = createLogger(stream, "info").child({ requestId: "req-12345678" }).child({ userId: "u1" });
    child.warn("first");
    child.error({ procedure: "rfp.update" }, "second");
    expect(out.map((l) => [l.requestId, l.userId])).toEqual([
      ["req-12345678", "u1"],
      ["req-12345678", "u1"],
    ]);
  });

  it("never writes passwords, tokens, secrets, cookies, procedure inputs or prices", () => {
    const { out, stream } = lines();
    createLogger(stream, "info").error(
      {
        password: "demo-Cdmo-select-2026",
        token: "tok-abc",
        input: { orgSlug: "helix", price: 123456 },
        cause: { secret: "s3cr3t", newPassword: "n3w-pass", price: 987654321 },
        headers: { cookie: "next-auth.session-token=abc", authorization: "Bearer xyz" },
        procedure: "account.changePassword",
      },
      "failed",
    );
    const text = JSON.stringify(out);
    for (const leaked of [
      "demo-Cdmo-select-2026",
      "tok-abc",
      "123456",
      "s3cr3t",
      "n3w-pass",
      "session-token=abc",
      "Bearer xyz",
      "987654321",
    ])
      expect(text).not.toContain(leaked);
    expect(out[0]).toMatchObject({ password: "[redacted]", procedure: "account.changePassword" });
  });

  it("serialises an error's type, message and stack under err", () => {
    const { out, stream } = lines();
    createLogger(stream, "info").error({ err: new TypeError("boom") }, "failed");
    expect(out[0]!.err).toMatchObject({ type: "TypeError", message: "boom" });
    expect(String((out[0]!.err as { stack: string }).stack)).toContain("boom");
  });

  it("lets a test read what the shared logger writes, children included", () => {
    const { out, stream } = lines();
    setLogDestinationForTests(stream);
    try {
      log.child({ requestId: "abcdefgh-1" }).error("seen");
    } finally {
      setLogDestinationForTests(undefined);
    }
    expect(out).toEqual([expect.objectContaining({ requestId: "abcdefgh-1", msg: "seen", level: "error" })]);
  });
});
