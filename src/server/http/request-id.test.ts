import { describe, expect, it } from "vitest";
import { isRequestId, requestIdFor, requestIdOf } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const withId = (id: string) => new Headers({ "x-request-id": id });

describe("request ids", () => {
  it("keeps a sane incoming id: a UUID, nginx's 32 hex characters, a short token", () => {
    for (const id of ["3f2b6c1e-8d4a-4c1b-9e0f-2a7b5c9d1e3f", "0123456789abcdef0123456789abcdef", "req_ABC-123"])
      expect(requestIdOf(withId(id))).toBe(id);
  });

  it("replaces anything else with a fresh UUID", () => {
    const bad = [
      "",
      "short",
      "x".repeat(65),
      "has space in it",
      'quote"injection',
      "line\nbreak-12345",
      "-starts-with-dash",
      "semi;colon12345",
      "ünïcödé-12345678",
    ];
    for (const id of bad) {
      expect(isRequestId(id)).toBe(false);
      expect(requestIdOf(new Headers(id.includes("\n") ? {} : { "x-request-id": id }))).toMatch(UUID);
    }
    expect(requestIdOf(new Headers())).toMatch(UUID);
  });

  it("gives every request its own id, and one request the same id each time", () => {
    const a = new Request("http://localhost/api/files");
    const b = new Request("http://localhost/api/files");
    expect(requestIdFor(a)).toBe(requestIdFor(a));
    expect(requestIdFor(a)).not.toBe(requestIdFor(b));
  });
});
