import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  DATE_MIN,
  INT32_MAX,
  INT32_MIN,
  fieldLabel,
  fieldMessageOf,
  textProblem,
  zDay,
  zEmail,
  zId,
  zInstant,
  zInt,
  zOptText,
  zSlug,
  zText,
  zVersion,
} from ".";

const SEED = { seed: 20261201, numRuns: 300 };
const messageOf = (schema: z.ZodType, input: unknown, field = "name") => {
  const r = z.object({ [field]: schema }).safeParse({ [field]: input });
  return r.success ? null : fieldMessageOf(r.error.issues);
};

/** A string with one lone surrogate somewhere (a high one not followed by a low one, or a stray low one). */
const loneSurrogate = fc
  .tuple(fc.string({ maxLength: 10 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 10 }))
  .map(([a, c, b]) => {
    const mid = String.fromCharCode(c);
    // Keep it lone: nothing surrogate-like beside it.
    const clean = (s: string) => s.replace(/[\uD800-\uDFFF]/g, "x");
    return `${clean(a)}${mid}${c >= 0xdc00 ? "" : "x"}${clean(b)}`;
  });

describe("zText", () => {
  const name = zText({ min: 1, max: 120 });

  it("refuses any text with a NUL byte, naming the field", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.string({ maxLength: 50 }), (a, b) => {
        expect(messageOf(name, `x${a}\u0000${b}`)).toBe("Name must not contain control characters.");
      }),
      SEED,
    );
  });

  it("refuses lone surrogates and accepts well-formed text (emoji included)", () => {
    fc.assert(
      fc.property(loneSurrogate, (s) => {
        expect(name.safeParse(`a${s}`).success).toBe(false);
        expect(textProblem(`a${s}`)).not.toBeNull();
      }),
      SEED,
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), (s) => {
        const clean = [...s]
          .filter((c) => textProblem(c) === null)
          .join("")
          .trim();
        fc.pre(clean.length > 0);
        expect(name.parse(clean)).toBe(clean);
      }),
      SEED,
    );
    expect(name.parse("Vials 💉 and 🧪")).toBe("Vials 💉 and 🧪");
  });

  it("trims, bounds the length and reads as a sentence", () => {
    expect(name.parse("  Helix  ")).toBe("Helix");
    expect(messageOf(name, "x".repeat(121))).toBe("Name must be at most 120 characters.");
    expect(messageOf(name, "   ")).toBe("Name is required.");
    expect(messageOf(name, 42)).toBe("Name must be text.");
    expect(messageOf(name, undefined)).toBe("Name is required.");
  });

  it("allows line breaks only in multi-line text", () => {
    expect(zText({ max: 100, multiline: true }).parse("a\nb\tc")).toBe("a\nb\tc");
    expect(zText({ max: 100 }).safeParse("a\nb").success).toBe(false);
    expect(zText({ max: 100, multiline: true }).safeParse("a\u0000b").success).toBe(false);
  });

  it("zOptText turns empty into null and still refuses control characters", () => {
    expect(zOptText(10).parse("")).toBeNull();
    expect(zOptText(10).parse(undefined)).toBeNull();
    expect(zOptText(10).parse(" a ")).toBe("a");
    expect(zOptText(10).safeParse("a\u0000").success).toBe(false);
  });
});

describe("zInt", () => {
  it("accepts exactly the int32 range by default", () => {
    fc.assert(
      fc.property(fc.integer({ min: INT32_MIN, max: INT32_MAX }), (n) => {
        expect(zInt().parse(n)).toBe(n);
      }),
      SEED,
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: Number.MIN_SAFE_INTEGER, max: INT32_MIN - 1 }),
        ),
        (n) => {
          expect(zInt().safeParse(n).success).toBe(false);
        },
      ),
      SEED,
    );
  });

  it("refuses NaN, infinities, fractions and huge numbers with a sentence", () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, 1.5, 2 ** 31, 1e308, "3", null])
      expect(zVersion.safeParse(bad).success).toBe(false);
    expect(messageOf(zVersion, 2 ** 31, "version")).toBe("Version must be 2,147,483,647 or less.");
    expect(messageOf(zVersion, 0, "version")).toBe("Version must be 1 or more.");
    expect(messageOf(zVersion, Infinity, "version")).toBe("Version must be a finite number.");
  });

  it("keeps a tighter domain range", () => {
    expect(zInt({ min: 0, max: 200 }).safeParse(201).success).toBe(false);
    expect(zInt({ min: -1e12, max: 1e12 }).safeParse(2 ** 31).success).toBe(false);
  });
});

describe("dates", () => {
  const inRange = fc.date({ min: DATE_MIN, max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true });
  const outOfRange = fc.oneof(
    fc.date({ min: new Date(-8.64e15), max: new Date("1899-12-31T00:00:00Z"), noInvalidDate: true }),
    fc.date({ min: new Date("2201-01-01T00:00:00Z"), max: new Date(8.64e15), noInvalidDate: true }),
  );

  it("accepts 1900..2200 and refuses everything outside, as Date or string", () => {
    fc.assert(
      fc.property(inRange, (d) => {
        expect(zDay.safeParse(d).success).toBe(true);
        expect(zDay.safeParse(d.toISOString().slice(0, 10)).success).toBe(true);
        expect(zInstant.safeParse(d).success).toBe(true);
        expect(zInstant.safeParse(d.toISOString()).success).toBe(true);
      }),
      SEED,
    );
    fc.assert(
      fc.property(outOfRange, (d) => {
        expect(zDay.safeParse(d).success).toBe(false);
        expect(zInstant.safeParse(d).success).toBe(false);
      }),
      SEED,
    );
  });

  it("refuses year -271821, invalid dates and non-dates with a sentence", () => {
    const minDate = new Date(-8.64e15);
    expect(messageOf(zInstant, minDate, "from")).toBe("From: must be a date between 1900 and 2200.");
    expect(messageOf(zDay, "-271821-04-20", "endDate")).toBe("Inspection end date must be a date (YYYY-MM-DD).");
    expect(zInstant.safeParse(new Date(Number.NaN)).success).toBe(false);
    expect(zInstant.safeParse(12345).success).toBe(false);
    expect(zInstant.safeParse(BigInt(1)).success).toBe(false);
    expect(zDay.parse("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(zInstant.parse("2024-02-29T10:00:00+02:00")).toEqual(new Date("2024-02-29T08:00:00Z"));
  });
});

describe("ids, slugs, e-mail", () => {
  it("accepts cuids and refuses anything else", () => {
    expect(zId.parse("cmabc123xyz0000abcd")).toBe("cmabc123xyz0000abcd");
    for (const bad of ["", "a\u0000", "a b", "x".repeat(65), "\ud800", 5])
      expect(zId.safeParse(bad).success).toBe(false);
  });

  it("accepts slugs from organisation names", () => {
    expect(zSlug.parse("helix-therapeutics")).toBe("helix-therapeutics");
    for (const bad of ["Helix", "-a", "a--b", "a\u0000", "x".repeat(65)])
      expect(zSlug.safeParse(bad).success).toBe(false);
  });

  it("normalises e-mail addresses", () => {
    expect(zEmail.parse("  Olivia@Helix.Example ")).toBe("olivia@helix.example");
    expect(messageOf(zEmail, "not-an-address", "email")).toBe("E-mail: enter a valid e-mail address.");
    expect(zEmail.safeParse("a\u0000@b.example").success).toBe(false);
  });
});

describe("messages", () => {
  it("names fields in product words", () => {
    expect(fieldLabel(["name"])).toBe("Name");
    expect(fieldLabel(["maxBioreactorLitres"])).toBe("Largest bioreactor (L)");
    expect(fieldLabel(["tags", 2])).toBe("Tags (item 3)");
    expect(fieldLabel(["site", "city"])).toBe("Site: City");
    expect(fieldLabel(["someNewField"])).toBe("Some new field");
    expect(fieldLabel([])).toBe("Request");
  });

  it("turns zod's texts into sentences", () => {
    const s = z.object({ kind: z.enum(["SPONSOR", "CDMO"]), tags: z.array(z.string()).max(2), ok: z.boolean() });
    const r = s.safeParse({ kind: "X", tags: ["a", "b", "c"], ok: "yes" });
    expect(r.success).toBe(false);
    const msg = fieldMessageOf(r.error!.issues);
    expect(msg).toBe(
      "Kind must be one of SPONSOR, CDMO. Tags can have at most 2 items. Ok must be yes or no (true or false).",
    );
    expect(msg).not.toMatch(/expected|Invalid input|Too big/);
    expect(fieldMessageOf(z.object({ a: z.string() }).safeParse("nope").error!.issues)).toBe(
      "The request must be an object with fields.",
    );
  });
});
