import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueDateIcs, escapeText, foldLine, icsDateTime, icsFileName } from "./ics";

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");
const unescapeText = (s: string) => s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));

const event = {
  uid: "rfp_123",
  title: "DS for mAb-12; fill, finish \\ more",
  description: "Line one\nLine two, with comma; and semicolon",
  url: "https://cdmo.example/acme/rfps/rfp_123",
  dueAt: new Date("2027-01-15T16:00:00Z"),
  now: new Date("2026-12-01T09:30:15.250Z"),
  sequence: 3,
};

describe("dueDateIcs", () => {
  const ics = dueDateIcs(event);
  const lines = unfold(ics).split("\r\n");

  it("is a VCALENDAR with one VEVENT at the due instant in UTC", () => {
    expect(lines.slice(0, 6)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//CDMO Select//RFP due dates//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
    ]);
    expect(lines).toContain("UID:rfp_123@cdmo-select");
    expect(lines).toContain("DTSTART:20270115T160000Z");
    expect(lines).toContain("DTSTAMP:20261201T093015Z");
    expect(lines).toContain("SEQUENCE:3");
    expect(lines).toContain("TRIGGER:-PT48H");
    expect(lines).toContain("URL:https://cdmo.example/acme/rfps/rfp_123");
    expect(lines.filter((l) => l.startsWith("BEGIN:")).length).toBe(lines.filter((l) => l.startsWith("END:")).length);
    expect(lines.at(-2)).toBe("END:VCALENDAR");
    expect(lines.at(-1)).toBe(""); // ends with CRLF
  });

  it("uses CRLF only, and no physical line exceeds 75 octets", () => {
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const l of ics.split("\r\n")) expect(octets(l)).toBeLessThanOrEqual(75);
  });

  it("escapes text so it reads back exactly", () => {
    const summary = lines.find((l) => l.startsWith("SUMMARY:"))!;
    expect(summary).toBe("SUMMARY:Due: DS for mAb-12\\; fill\\, finish \\\\ more");
    expect(unescapeText(summary.slice(8))).toBe(`Due: ${event.title}`);
    expect(unescapeText(lines.find((l) => l.startsWith("DESCRIPTION:"))!.slice(12))).toBe(event.description);
  });

  it("drops a URL that could break the file, and marks a cancelled RFP without a reminder", () => {
    const bad = unfold(dueDateIcs({ ...event, url: "https://x.example/\r\nATTENDEE:evil", cancelled: true }));
    expect(bad).not.toMatch(/URL:|ATTENDEE/);
    expect(bad).toMatch(/STATUS:CANCELLED/);
    expect(bad).not.toMatch(/VALARM/);
    expect(unfold(dueDateIcs({ ...event, uid: "a b\r\nX:y" }))).toMatch(/^UID:a-b--X-y@cdmo-select$/m);
  });
});

describe("folding and escaping", () => {
  it("folds on octets without splitting characters, and unfolds to the original (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        const line = `DESCRIPTION:${escapeText(s)}`;
        const folded = foldLine(line);
        expect(unfold(folded)).toBe(line);
        for (const physical of folded.split("\r\n")) {
          expect(octets(physical)).toBeLessThanOrEqual(75);
          expect(physical).not.toMatch(/[\uD800-\uDBFF]$/);
        }
        // eslint-disable-next-line no-control-regex -- the controls escapeText drops
        const controls = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
        expect(unescapeText(escapeText(s))).toBe(s.replace(/\r\n|\r/g, "\n").replace(controls, ""));
      }),
      { seed: 5545, numRuns: 300 },
    );
  });

  it("formats UTC date-times and refuses invalid dates", () => {
    expect(icsDateTime(new Date("2027-07-01T00:00:59.999Z"))).toBe("20270701T000059Z");
    expect(() => icsDateTime(new Date("nope"))).toThrow(RangeError);
  });

  it("makes portable file names", () => {
    expect(icsFileName("DS for mAb-12 (Überlingen)")).toBe("rfp-ds-for-mab-12-uberlingen-due.ics");
    expect(icsFileName("***")).toBe("rfp-due-date-due.ics");
  });
});
