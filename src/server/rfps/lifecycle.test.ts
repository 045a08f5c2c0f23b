import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { DEFAULT_WEIGHTS, type RfpContent } from "./content";
import {
  RFP_STATUSES,
  acceptsResponses,
  assertAcceptsResponses,
  assertPublishable,
  assertTransition,
  canEditContent,
  canOpenRevisionRound,
  canTransition,
  effectiveStatus,
  needsClosing,
  noticeText,
  publishProblems,
  type RfpStatus,
} from "./lifecycle";

const now = new Date("2027-01-10T12:00:00Z");
const later = new Date("2027-01-15T16:00:00Z");
const earlier = new Date("2027-01-05T16:00:00Z");
const SEED = { seed: 8, numRuns: 300 };

const content: RfpContent = {
  sections: [
    {
      id: "s1",
      title: "Commercial",
      questions: [{ id: "p", kind: "price", prompt: "Price", required: true, stage: "DS_CLIN" }],
    },
  ],
};

const thrown = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a throw");
};

describe("effectiveStatus", () => {
  it("reads a published RFP past its due date as closed, at the exact instant", () => {
    expect(effectiveStatus({ status: "PUBLISHED", dueAt: later }, now)).toBe("PUBLISHED");
    expect(effectiveStatus({ status: "PUBLISHED", dueAt: later }, new Date(later.getTime() - 1))).toBe("PUBLISHED");
    expect(effectiveStatus({ status: "PUBLISHED", dueAt: later }, later)).toBe("CLOSED");
    expect(needsClosing({ status: "PUBLISHED", dueAt: earlier }, now)).toBe(true);
    expect(needsClosing({ status: "CLOSED", dueAt: earlier }, now)).toBe(false);
  });

  it("only ever changes PUBLISHED, and only to CLOSED (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RFP_STATUSES),
        fc.option(fc.date({ noInvalidDate: true })),
        fc.date({ noInvalidDate: true }),
        (status, dueAt, at) => {
          const s = effectiveStatus({ status, dueAt }, at);
          if (s !== status) expect([status, s]).toEqual(["PUBLISHED", "CLOSED"]);
          // Responses are accepted exactly when the reader sees it open.
          expect(acceptsResponses({ status, dueAt }, at)).toBe(s === "PUBLISHED" && !!dueAt);
        },
      ),
      SEED,
    );
  });
});

describe("transitions", () => {
  it("allows the lifecycle and the revision round, nothing out of an ending", () => {
    const allowed = RFP_STATUSES.flatMap((f) =>
      RFP_STATUSES.filter((t) => canTransition(f, t)).map((t) => `${f}>${t}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "DRAFT>PUBLISHED",
        "DRAFT>CANCELLED",
        "PUBLISHED>CLOSED",
        "PUBLISHED>CANCELLED",
        "CLOSED>AWARDED",
        "CLOSED>CANCELLED",
        "CLOSED>PUBLISHED",
      ].sort(),
    );
  });

  it("throws CONFLICT in product words for a forbidden move, BAD_REQUEST for a no-op", () => {
    const e = thrown(() => assertTransition("PUBLISHED", "AWARDED"));
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe(
      "This RFP cannot be awarded because it is open for responses until its due date. Wait until the due date has passed, then award it.",
    );
    expect(thrown(() => assertTransition("AWARDED", "CANCELLED")).message).toBe(
      "This RFP cannot be cancelled because it has been awarded.",
    );
    expect(thrown(() => assertTransition("CLOSED", "CLOSED")).code).toBe("BAD_REQUEST");
    expect(() => assertTransition("CLOSED", "AWARDED")).not.toThrow();
  });

  it("edits only drafts and open RFPs; revision rounds only from closed", () => {
    expect(RFP_STATUSES.filter(canEditContent)).toEqual(["DRAFT", "PUBLISHED"]);
    const rounds = (status: RfpStatus, dueAt: Date) => canOpenRevisionRound({ status, dueAt }, now);
    expect(rounds("PUBLISHED", earlier)).toBe(true); // closed by the clock
    expect(rounds("PUBLISHED", later)).toBe(false);
    expect(rounds("CLOSED", earlier)).toBe(true);
    expect(rounds("AWARDED", earlier)).toBe(false);
    expect(rounds("CANCELLED", earlier)).toBe(false);
  });

  it("refuses responses after the due date with a sentence that says so", () => {
    expect(() => assertAcceptsResponses({ status: "PUBLISHED", dueAt: later }, now)).not.toThrow();
    const e = thrown(() => assertAcceptsResponses({ status: "PUBLISHED", dueAt: earlier }, now));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/due date for this RFP has passed/);
  });
});

describe("publishProblems", () => {
  const ready = { title: "DS for mAb-12", dueAt: later, timeZone: "Europe/Berlin", content, weights: DEFAULT_WEIGHTS };

  it("accepts a ready RFP", () => {
    expect(publishProblems({ ...ready, stages: ["DS_CLIN"] }, now)).toEqual([]);
  });

  it("needs a future due date with at least an hour's notice, and not years away", () => {
    const at = (dueAt: Date | null) => publishProblems({ ...ready, dueAt }, now).map((p) => p.message);
    expect(at(null)).toEqual(["Set a due date before publishing."]);
    expect(at(earlier)[0]).toMatch(/already passed/);
    expect(at(new Date(now.getTime() + 30 * 60_000))[0]).toMatch(/less than an hour away/);
    expect(at(new Date("2031-01-01T00:00:00Z"))[0]).toMatch(/more than two years away/);
  });

  it("needs a question, no empty section, price lines for the scope, weights that add up, a real time zone", () => {
    const fields = (over: object) => publishProblems({ ...ready, ...over }, now).map((p) => `${p.field}: ${p.message}`);
    expect(fields({ content: { sections: [] } })).toEqual(["content: Add at least one question before publishing."]);
    expect(
      fields({ content: { sections: [...content.sections, { id: "s2", title: "Empty", questions: [] }] } }),
    ).toEqual(["content: Section “Empty” has no questions. Add one or remove the section."]);
    expect(fields({ stages: ["DS_CLIN", "FILL"] })).toEqual([
      "content: Add a price line for every stage in scope; missing: Aseptic fill-finish.",
    ]);
    expect(fields({ weights: { ...DEFAULT_WEIGHTS, pricing: 0 } })[0]).toMatch(/^weights: .*add up to 100%/);
    expect(fields({ timeZone: "Mars/Olympus" })).toEqual(["timeZone: Choose the due date's time zone from the list."]);
    expect(fields({ title: "  " })).toEqual(["title: Give the RFP a title before publishing it."]);
  });

  it("assertPublishable throws the first problem with its field", () => {
    const e = thrown(() => assertPublishable({ ...ready, dueAt: null }, now));
    expect([e.code, e.field]).toEqual(["BAD_REQUEST", "dueAt"]);
  });
});

describe("noticeText", () => {
  it("says the minimum notice as a sentence would", () => {
    expect([60_000, 15 * 60_000, 3600_000, 2 * 3600_000].map(noticeText)).toEqual([
      "a minute",
      "15 minutes",
      "an hour",
      "2 hours",
    ]);
  });
});
