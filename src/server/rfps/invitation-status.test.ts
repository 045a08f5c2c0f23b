import { describe, expect, it } from "vitest";
import { invitationStatus } from "./invitation-status";

const at = new Date("2026-12-01T10:00:00Z");
const none = { viewedAt: null, declinedAt: null, submittedAt: null };

describe("invitationStatus", () => {
  it("is INVITED until the CDMO has a participation with something in it", () => {
    expect(invitationStatus(null)).toBe("INVITED");
    expect(invitationStatus(undefined)).toBe("INVITED");
    expect(invitationStatus(none)).toBe("INVITED");
  });
  it("moves to VIEWED, DECLINED and SUBMITTED, the later fact winning", () => {
    expect(invitationStatus({ ...none, viewedAt: at })).toBe("VIEWED");
    expect(invitationStatus({ ...none, viewedAt: at, declinedAt: at })).toBe("DECLINED");
    expect(invitationStatus({ viewedAt: at, declinedAt: at, submittedAt: at })).toBe("SUBMITTED");
    expect(invitationStatus({ ...none, submittedAt: at })).toBe("SUBMITTED");
  });
});
