// The receipt of a submitted response: a SHA-256 over a canonical JSON of what was submitted, so
// the CDMO and the sponsor can later show that the stored response is the one submitted. Canonical
// = object keys sorted (by UTF-16 code units, as RFC 8785 does), no white space, undefined members
// left out, arrays in order; files sorted by id, so the order a query returns them in never matters.
// Server-side (node:crypto); the canonical form itself is pure.
import { createHash } from "node:crypto";

export type ReceiptInput = {
  rfpId: string;
  round: number;
  answers: Record<string, unknown>;
  files: { id: string; sha256: string }[];
};

/** Bumped if the canonical form ever changes, so old receipts stay verifiable by their version. */
export const RECEIPT_FORMAT = 1;

/** JSON with sorted keys and no white space. Throws on values JSON cannot carry faithfully. */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(v: unknown, seen: Set<object>): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
    case "boolean":
      return JSON.stringify(v);
    case "number":
      if (!Number.isFinite(v)) throw new TypeError("canonicalJson: numbers must be finite");
      return JSON.stringify(v); // ECMAScript's shortest round-trip form, as RFC 8785 specifies
    case "object": {
      if (v instanceof Date) return JSON.stringify(v.toISOString());
      if (seen.has(v)) throw new TypeError("canonicalJson: circular value");
      seen.add(v);
      let out: string;
      if (Array.isArray(v)) out = `[${v.map((x) => (x === undefined ? "null" : write(x, seen))).join(",")}]`;
      else {
        const keys = Object.keys(v)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort();
        out = `{${keys.map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k], seen)}`).join(",")}}`;
      }
      seen.delete(v);
      return out;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof v}`);
  }
}

/** The exact text the receipt hash is taken over. */
export function receiptDocument(input: ReceiptInput): string {
  const files = [...input.files]
    .map((f) => ({ id: f.id, sha256: f.sha256.toLowerCase() }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return canonicalJson({
    format: RECEIPT_FORMAT,
    rfpId: input.rfpId,
    round: input.round,
    answers: input.answers,
    files,
  });
}

/** Lower-case hex SHA-256 of the receipt document. */
export function receiptHash(input: ReceiptInput): string {
  return createHash("sha256").update(receiptDocument(input), "utf8").digest("hex");
}

/** "3f2a 9c41 …": the hash in groups of four for people to read aloud or compare. */
export function formatReceiptHash(hash: string): string {
  return hash.match(/.{1,4}/g)?.join(" ") ?? hash;
}
