import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SEARCH_MAX, bareMessage, fieldMessageOf, zSearch, zText } from ".";

// The error map (messages.ts), one zod issue kind at a time: each sentence names the field in
// the product's words and says what is allowed, never zod's "Too big: expected ...".

/** The message of the first issue when `input` is parsed as the field `field` of an object. */
function said(schema: z.ZodType, input: unknown, field = "name"): string {
  const r = z.object({ [field]: schema }).safeParse({ [field]: input });
  if (r.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return r.error.issues[0]!.message;
}
const ZOD_WORDS = /Too big|Too small|expected|Invalid input|Invalid option|Unrecognized/;

describe("error map: invalid_type", () => {
  it.each([
    ["missing", z.string(), undefined, "Name is required."],
    ["string", z.string(), 42, "Name must be text."],
    ["number", z.number(), "3", "Price must be a number."],
    ["infinite number", z.number(), Infinity, "Price must be a finite number."],
    ["fraction for a whole number", z.number().int(), 1.5, "Price must be a whole number."],
    ["boolean", z.boolean(), "yes", "Price must be yes or no (true or false)."],
    ["date", z.date(), "soon", "Price must be a valid date."],
    ["array", z.array(z.string()), "a", "Price must be a list."],
    ["object", z.object({}), 1, "Price must be an object with fields."],
    ["bigint", z.bigint(), 1, "Price must be a whole number."],
  ])("%s", (_, schema, input, message) => {
    expect(said(schema, input, message.startsWith("Name") ? "name" : "price")).toBe(message);
  });
});

describe("error map: too_big and too_small", () => {
  it.each([
    ["long text", z.string().max(120), "x".repeat(121), "Name must be at most 120 characters."],
    ["short text", z.string().min(3), "ab", "Name must be at least 3 characters."],
    ["empty required text", z.string().min(1), "", "Name is required."],
    ["exact length", z.string().length(2), "abc", "Name must have exactly 2 characters."],
    ["long list", z.array(z.string()).max(2), ["a", "b", "c"], "Name can have at most 2 items."],
    ["short list", z.array(z.string()).min(1), [], "Name needs at least 1 item."],
    ["number above", z.number().max(100), 101, "Name must be 100 or less."],
    ["number below", z.number().min(0), -1, "Name must be 0 or more."],
    ["exclusive above", z.number().lt(10), 10, "Name must be less than 10."],
    ["exclusive below", z.number().positive(), 0, "Name must be more than 0."],
    ["big number", z.number().max(1_000_000), 2_000_000, "Name must be 1,000,000 or less."],
    [
      "late date",
      z.date().max(new Date("2030-01-01")),
      new Date("2031-01-01"),
      "Name must be on or before 2030-01-01.",
    ],
    [
      "early date",
      z.date().min(new Date("2020-01-01")),
      new Date("2019-01-01"),
      "Name must be on or after 2020-01-01.",
    ],
  ])("%s", (_, schema, input, message) => {
    expect(said(schema, input)).toBe(message);
  });

  it("uses the field's product name (issue 11's examples)", () => {
    expect(said(z.string().max(120), "x".repeat(121), "name")).toBe("Name must be at most 120 characters.");
    expect(said(z.number().min(0), -5, "price")).toBe("Price must be 0 or more.");
    expect(said(z.number().min(0), -5, "maxBioreactorLitres")).toBe("Largest bioreactor (L) must be 0 or more.");
    expect(said(z.string().max(5), "toolong", "hqCity")).toBe("Headquarters city must be at most 5 characters.");
  });
});

describe("error map: formats, values and shapes", () => {
  it.each([
    ["e-mail", z.email(), "nope", "Name must be an e-mail address (name@company.com)."],
    ["date", z.iso.date(), "2024-13-01", "Name must be a date (YYYY-MM-DD)."],
    ["date and time", z.iso.datetime(), "yesterday", "Name must be a date and time."],
    ["web address", z.url(), "not a url", "Name must be a web address (https://…)."],
    ["pattern", z.string().regex(/^a/), "b", "Name has an invalid format."],
    ["one value", z.literal("yes"), "no", "Name must be yes."],
    ["enum", z.enum(["SPONSOR", "CDMO"]), "X", "Name must be one of SPONSOR, CDMO."],
    [
      "long enum",
      z.enum(Array.from({ length: 13 }, (_, i) => `v${i}`) as [string, ...string[]]),
      "x",
      "Name is not one of the allowed values.",
    ],
    ["multiple", z.number().multipleOf(5), 7, "Name must be a multiple of 5."],
    ["unknown keys", z.strictObject({ a: z.string() }), { a: "x", b: 1 }, "Name has unknown field: b."],
    ["record key", z.record(z.string().regex(/^a/), z.string()), { b: "x" }, "Name: B has an invalid key."],
    ["map entry", z.map(z.string(), z.number()), new Map([["a", "x"]]), "Name: A must be a number."],
    ["union", z.union([z.string(), z.number()]), true, "Name has the wrong type or format."],
    ["refinement", z.string().refine(() => false), "x", "Name is not valid."],
  ])("%s", (_, schema, input, message) => {
    expect(said(schema as z.ZodType, input)).toBe(message);
  });

  it("words zText's own checks through the map", () => {
    const text = zText({ max: 50 });
    expect(said(text, "a\u0000b")).toBe("Name must not contain control characters.");
    expect(said(text, "broken \ud800x")).toBe(
      "Name contains a character that is not valid text (a broken emoji or symbol?).",
    );
  });

  it("keeps a schema's own message", () => {
    expect(said(z.string().min(2, "Give the vendor a name of at least 2 characters."), "a")).toBe(
      "Give the vendor a name of at least 2 characters.",
    );
  });

  it("never lets zod's wording through, and names a value without a path", () => {
    const r = z.string().max(2).safeParse("abc");
    expect(r.error!.issues[0]!.message).toBe("This value must be at most 2 characters.");
    for (const [schema, input] of [
      [z.string().max(1), "ab"],
      [z.number().min(0), -1],
      [z.array(z.number()).max(0), [1]],
      [z.enum(["a"]), "b"],
      [z.strictObject({}), { x: 1 }],
    ] as const)
      expect(said(schema as z.ZodType, input)).not.toMatch(ZOD_WORDS);
  });
});

describe("a request's message", () => {
  it("names each field once: the map's sentences as they are, a schema's own message after its field", () => {
    const s = z.object({
      name: z.string().max(3),
      email: z.string().email("Enter a valid e-mail address."),
      tags: z.array(z.string().max(2)),
    });
    const r = s.safeParse({ name: "abcd", email: "x", tags: ["ok", "long"] });
    expect(fieldMessageOf(r.error!.issues)).toBe(
      "Name must be at most 3 characters. E-mail: enter a valid e-mail address. " +
        "Tags (item 2) must be at most 2 characters.",
    );
    expect(fieldMessageOf(z.object({ a: z.string() }).safeParse(null).error!.issues)).toBe(
      "The request must be an object with fields.",
    );
  });

  it("bareMessage drops the field's name for places that say where in their own words", () => {
    const issue = z.object({ price: z.number().min(0) }).safeParse({ price: -1 }).error!.issues[0]!;
    expect(bareMessage(issue)).toBe("Must be 0 or more.");
    expect(bareMessage({ path: ["price"], message: "Enter a price." })).toBe("Enter a price.");
  });
});

describe("zSearch", () => {
  it("cuts a long search to its limit instead of refusing it", () => {
    expect(zSearch().parse("a".repeat(300))).toBe("a".repeat(SEARCH_MAX));
    expect(zSearch(20).parse("  kestrel   fill  ")).toBe("kestrel   fill");
    expect(zSearch(10).parse("kestrel   fill")).toBe("kestrel");
  });

  it("keeps whole characters and makes stray controls spaces", () => {
    expect(zSearch(3).parse("ab🧪cd")).toBe("ab🧪");
    expect(zSearch().parse("kes\u0000trel\ud800")).toBe("kes trel");
  });

  it("refuses only absurd input, in words", () => {
    expect(said(zSearch(), "x".repeat(10_001), "q")).toBe("Search must be at most 10,000 characters.");
  });
});
