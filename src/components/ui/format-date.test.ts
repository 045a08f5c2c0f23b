import { describe, expect, it } from "vitest";
import { distanceStrict, formatDate } from "./format-date";

const d = new Date("2026-04-29T09:05:07Z");

describe("formatDate", () => {
  it("writes the US medium styles for PP, PPp and PPpp", () => {
    expect(formatDate(d, "PP", "UTC")).toBe("Apr 29, 2026");
    expect(formatDate(d, "PPp", "UTC")).toMatch(/^Apr 29, 2026,? 9:05\sAM$/);
    expect(formatDate(d, "PPpp", "UTC")).toMatch(/^Apr 29, 2026,? 9:05:07\sAM$/);
  });

  it("builds day-first patterns from their parts, on a 24-hour clock", () => {
    expect(formatDate(d, "d MMM yyyy, HH:mm", "UTC")).toBe("29 Apr 2026, 09:05");
    expect(formatDate(d, "d MMM, HH:mm", "UTC")).toBe("29 Apr, 09:05");
    expect(formatDate(d, "EEEE d MMMM yyyy, HH:mm", "UTC")).toBe("Wednesday 29 April 2026, 09:05");
  });

  it("reads the date in the zone it is given", () => {
    expect(formatDate(new Date("2026-04-29T23:30:00Z"), "d MMM, HH:mm", "Asia/Tokyo")).toBe("30 Apr, 08:30");
  });
});

describe("distanceStrict", () => {
  const t = Date.UTC(2026, 0, 1);
  it("names the largest whole unit, rounded, singular for one", () => {
    expect(distanceStrict(t, t + 45_000)).toBe("45 seconds");
    expect(distanceStrict(t + 60_000, t)).toBe("1 minute");
    expect(distanceStrict(t, t + 3 * 3_600_000 + 20 * 60_000)).toBe("3 hours");
    expect(distanceStrict(t, t + 12.4 * 86_400_000)).toBe("12 days");
    expect(distanceStrict(t, t + 65 * 86_400_000)).toBe("2 months");
    expect(distanceStrict(t, t + 400 * 86_400_000)).toBe("1 year");
  });
});
