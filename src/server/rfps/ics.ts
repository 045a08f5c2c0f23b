// An iCalendar file (RFC 5545) for an RFP's due date, to add it to a calendar. One VEVENT at the
// due instant (no DTEND: RFC 5545 3.6.1 reads that as an event of no duration at that moment),
// in UTC so every calendar shows it in its own zone, with a reminder two days before. The UID is
// the RFP's, and SEQUENCE grows with each change, so importing a newer file moves the event
// instead of adding a second one.
//
// Written here rather than with the `ics` package: one event needs ~60 lines, while the package
// brings yup (a second validation library) and nanoid 3 into the bundle. Browser-safe.

export type DueDateEvent = {
  /** Stable per RFP, e.g. the RFP id; becomes `<uid>@cdmo-select`. */
  uid: string;
  title: string;
  description?: string;
  /** Absolute link to the RFP. */
  url?: string;
  dueAt: Date;
  /** When the file was made (DTSTAMP). */
  now: Date;
  /** Increase on every change of the due date or title (the RFP's version works). */
  sequence?: number;
  cancelled?: boolean;
  /** Reminder before the due date, in hours (default 48; 0 = none). */
  reminderHours?: number;
};

const CRLF = "\r\n";

/** RFC 5545 3.3.5 UTC date-time: 20270115T160000Z. */
export function icsDateTime(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError("icsDateTime: invalid date");
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** RFC 5545 3.3.11 TEXT: backslash, semicolon, comma escaped; line breaks as \n; other controls dropped. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ""); // eslint-disable-line no-control-regex -- RFC 5545 forbids them in TEXT
}

const encoder = new TextEncoder();

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF + one space. Counts UTF-8
 * octets and never splits a character (nor a surrogate pair), so clients decode every line.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // continuation lines start with the folding space
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const safeUid = (uid: string) => uid.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 200);

/** The .ics text (CRLF line ends, folded, ends with CRLF). */
export function dueDateIcs(e: DueDateEvent): string {
  const reminder = e.reminderHours ?? 48;
  const url = e.url && /^https?:\/\/[^\s"<>\\]+$/.test(e.url) ? e.url : undefined;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//CDMO Select//RFP due dates//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${safeUid(e.uid)}@cdmo-select`,
    `DTSTAMP:${icsDateTime(e.now)}`,
    `DTSTART:${icsDateTime(e.dueAt)}`,
    `SEQUENCE:${Math.max(0, Math.floor(e.sequence ?? 0))}`,
    `SUMMARY:${escapeText(`Due: ${e.title}`)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(url ? [`URL:${url}`] : []),
    `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:TRANSPARENT",
    ...(reminder > 0 && !e.cancelled
      ? [
          "BEGIN:VALARM",
          "ACTION:DISPLAY",
          `DESCRIPTION:${escapeText(`RFP due in ${reminder} hours: ${e.title}`)}`,
          `TRIGGER:-PT${Math.floor(reminder)}H`,
          "END:VALARM",
        ]
      : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** "rfp-ds-for-mab-12-due.ics": a file name every system accepts. */
export function icsFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `rfp-${slug || "due-date"}-due.ics`;
}

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";
