import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  formatInZone,
  isValidTimeZone,
  offsetMs,
  timeZoneOptions,
  utcToZonedLocal,
  zonedLocalToUtc,
} from "./time-zone";

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/St_Johns",
];

describe("isValidTimeZone", () => {
  it("knows IANA zones and refuses the rest", () => {
    for (const z of ZONES) expect(isValidTimeZone(z)).toBe(true);
    for (const z of ["", "Mars/Olympus", "Europe/Berlin\u0000", 5, null, "x".repeat(65)])
      expect(isValidTimeZone(z)).toBe(false);
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("Nowhere")).toBeNull();
    const options = timeZoneOptions();
    expect(options[0]).toBe("UTC");
    expect(options).toContain("Europe/Berlin");
    expect(new Set(options).size).toBe(options.length);
  });
});

describe("zonedLocalToUtc", () => {
  it("turns the builder's wall-clock time into the UTC instant, in winter and summer", () => {
    expect(zonedLocalToUtc("2027-01-15T17:00", "Europe/Berlin").toISOString()).toBe("2027-01-15T16:00:00.000Z");
    expect(zonedLocalToUtc("2027-07-15T17:00", "Europe/Berlin").toISOString()).toBe("2027-07-15T15:00:00.000Z");
    expect(zonedLocalToUtc("2027-07-15T17:00:30", "America/New_York").toISOString()).toBe("2027-07-15T21:00:30.000Z");
    expect(zonedLocalToUtc("2027-01-15T17:00", "Asia/Kolkata").toISOString()).toBe("2027-01-15T11:30:00.000Z");
    expect(zonedLocalToUtc("2027-01-15T00:00", "UTC").toISOString()).toBe("2027-01-15T00:00:00.000Z");
  });

  it("moves a skipped time forward and takes the earlier of a repeated time", () => {
    // Berlin: 2027-03-28 02:00 -> 03:00 (02:30 does not exist); 2027-10-31 03:00 -> 02:00 (02:30 twice).
    expect(zonedLocalToUtc("2027-03-28T02:30", "Europe/Berlin").toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(utcToZonedLocal(new Date("2027-03-28T01:30:00Z"), "Europe/Berlin")).toBe("2027-03-28T03:30");
    expect(zonedLocalToUtc("2027-10-31T02:30", "Europe/Berlin").toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });

  it("refuses malformed input, impossible dates and unknown zones", () => {
    for (const bad of ["2027-02-30T10:00", "2027-01-15 17:00", "2027-01-15T24:00", "2027-01-15T17:60", "17:00", ""])
      expect(() => zonedLocalToUtc(bad, "Europe/Berlin")).toThrow(RangeError);
    expect(() => zonedLocalToUtc("2027-01-15T17:00", "Nowhere/City")).toThrow(/Unknown time zone/);
  });

  it("round-trips every instant through the wall clock (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1) / 60_000, max: Date.UTC(2150, 0, 1) / 60_000 }),
        fc.constantFrom(...ZONES),
        (minutes, tz) => {
          const t = new Date(minutes * 60_000);
          const local = utcToZonedLocal(t, tz);
          const back = zonedLocalToUtc(local, tz);
          // Same wall clock; the same instant unless the time is repeated (then the earlier one).
          expect(utcToZonedLocal(back, tz)).toBe(local);
          expect(back.getTime()).toBeLessThanOrEqual(t.getTime());
          expect(t.getTime() - back.getTime()).toBeLessThanOrEqual(2 * 3_600_000);
          if (offsetMs(t.getTime() - 86_400_000, tz) === offsetMs(t.getTime() + 86_400_000, tz))
            expect(back.getTime()).toBe(t.getTime());
        },
      ),
      { seed: 15, numRuns: 500 },
    );
  });
});

describe("formatInZone", () => {
  it("shows the instant on the reader's clock with the zone's name", () => {
    const due = new Date("2027-01-15T16:00:00Z");
    expect(formatInZone(due, "Europe/Berlin")).toBe("Fri, 15 Jan 2027, 17:00 CET");
    expect(formatInZone(due, "America/New_York")).toBe("Fri, 15 Jan 2027, 11:00 GMT-5");
    expect(formatInZone(due, "Asia/Tokyo", { weekday: false, zoneName: false })).toBe("16 Jan 2027, 01:00");
    expect(formatInZone(due, "Not/AZone")).toBe("Fri, 15 Jan 2027, 16:00 UTC");
  });
});
