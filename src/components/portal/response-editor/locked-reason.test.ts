import { describe, expect, it } from "vitest";
import { lockedReason } from "./locked-reason";

const open = { status: "PUBLISHED" as const, round: 1, acceptsResponses: true };
const draft = { round: 1, submittedAt: null };
const submitted = { round: 1, submittedAt: new Date("2026-01-01T10:00:00Z") };

describe("lockedReason", () => {
  it("says nothing more for an open RFP's draft or submitted response", () => {
    expect(lockedReason({ rfp: open }, draft, true)).toBeNull();
    expect(lockedReason({ rfp: open }, submitted, true)).toBeNull();
  });
  it("names cancelled, decided and closed RFPs", () => {
    expect(lockedReason({ rfp: { ...open, status: "CANCELLED" } }, submitted, true)).toMatch(/cancelled/);
    expect(lockedReason({ rfp: { ...open, status: "AWARDED" } }, submitted, true)).toMatch(/decided/);
    expect(lockedReason({ rfp: { ...open, status: "CLOSED", acceptsResponses: false } }, draft, true)).toMatch(
      /due date has passed.*not submitted/,
    );
  });
  it("treats an RFP past its due date as closed even before the job has run", () => {
    expect(lockedReason({ rfp: { ...open, acceptsResponses: false } }, draft, true)).toMatch(/due date has passed/);
  });
  it("points at the current round, and at the role that cannot write", () => {
    expect(lockedReason({ rfp: { ...open, round: 2 } }, draft, true)).toMatch(/now in round 2/);
    expect(lockedReason({ rfp: open }, draft, false)).toMatch(/role can read/);
  });
});
