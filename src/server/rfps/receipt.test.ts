import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, formatReceiptHash, receiptDocument, receiptHash } from "./receipt";

const input = {
  rfpId: "rfp_1",
  round: 2,
  answers: { b: "text", a: { price: 100, durationWeeks: 4, includes: "Two batches" }, c: [true, { z: 1, y: 2 }] },
  files: [
    { id: "f2", sha256: "BB" },
    { id: "f1", sha256: "aa" },
  ],
};

/** The same value with every object's keys in reverse insertion order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reversed(x)]),
    );
  return v;
}

describe("canonicalJson", () => {
  it("sorts keys at every depth, drops undefined members, keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: undefined, b: null } })).toBe('{"a":{"b":null,"d":[3,1]},"b":1}');
    expect(canonicalJson({ é: 1, Z: 2, a: 3 })).toBe('{"Z":2,"a":3,"é":1}');
  });

  it("refuses what JSON cannot carry", () => {
    expect(() => canonicalJson({ x: NaN })).toThrow(/finite/);
    expect(() => canonicalJson({ x: () => 1 })).toThrow(/function/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });

  it("is independent of key order and parses back to the same value (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalJson(v);
        expect(canonicalJson(reversed(v))).toBe(c);
        expect(canonicalJson(JSON.parse(c))).toBe(c);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("receiptHash", () => {
  it("is the hex SHA-256 of the canonical document", () => {
    const doc = receiptDocument(input);
    expect(doc).toBe(
      '{"answers":{"a":{"durationWeeks":4,"includes":"Two batches","price":100},"b":"text","c":[true,{"y":2,"z":1}]},' +
        '"files":[{"id":"f1","sha256":"aa"},{"id":"f2","sha256":"bb"}],"format":1,"rfpId":"rfp_1","round":2}',
    );
    expect(receiptHash(input)).toBe(createHash("sha256").update(doc).digest("hex"));
    expect(receiptHash(input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not depend on key order or file order", () => {
    const shuffled = { ...(reversed(input) as typeof input), files: [...input.files].reverse() };
    expect(receiptHash(shuffled)).toBe(receiptHash(input));
  });

  it("changes when anything submitted changes", () => {
    const h = receiptHash(input);
    expect(receiptHash({ ...input, round: 3 })).not.toBe(h);
    expect(receiptHash({ ...input, rfpId: "rfp_2" })).not.toBe(h);
    expect(receiptHash({ ...input, answers: { ...input.answers, b: "text " } })).not.toBe(h);
    expect(receiptHash({ ...input, files: [{ id: "f1", sha256: "aa" }] })).not.toBe(h);
    expect(formatReceiptHash("0123456789")).toBe("0123 4567 89");
  });
});
