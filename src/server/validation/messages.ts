import { z } from "zod";

// One error map for the whole application, installed with z.config({ customError }) on the
// server (tRPC inputs, file routes) and in the browser (react-hook-form's zod resolver runs the
// same schemas): zod's generic texts ("Too big: expected string to have <=120 characters")
// become sentences that name the field and say what is allowed ("Name must be at most 120
// characters."). Schemas that carry their own message keep it; a request's message then puts
// the field in front ("Name: give the vendor a name of at least 2 characters.").

type RawIssue = z.core.$ZodRawIssue;

/** Custom issues whose sentence the map writes (zText's checks), by `params.text`. */
export const TEXT_PROBLEMS = {
  control: "must not contain control characters.",
  surrogate: "contains a character that is not valid text (a broken emoji or symbol?).",
} as const;
export type TextProblem = keyof typeof TEXT_PROBLEMS;

const count = (n: number | bigint, one: string, many: string) =>
  `${n.toLocaleString("en")} ${Number(n) === 1 ? one : many}`;

function typeSentence(expected: string, input: unknown): string {
  if (input === undefined) return "is required.";
  switch (expected) {
    case "string":
      return "must be text.";
    case "number":
    case "int":
      if (typeof input === "number" && !Number.isFinite(input)) return "must be a finite number.";
      return typeof input === "number" ? "must be a whole number." : "must be a number.";
    case "boolean":
      return "must be yes or no (true or false).";
    case "date":
      return "must be a valid date.";
    case "array":
      return "must be a list.";
    case "object":
    case "record":
      return "must be an object with fields.";
    case "bigint":
      return "must be a whole number.";
    default:
      return "has the wrong type.";
  }
}

function sizeUnit(origin: string | undefined): [string, string] | null {
  if (origin === "string") return ["character", "characters"];
  if (origin === "array" || origin === "set") return ["item", "items"];
  if (origin === "map" || origin === "record") return ["entry", "entries"];
  if (origin === "file") return ["byte", "bytes"];
  return null;
}

const bound = (v: unknown, origin: string | undefined) =>
  origin === "date"
    ? new Date(Number(v)).toISOString().slice(0, 10)
    : typeof v === "number" || typeof v === "bigint"
      ? v.toLocaleString("en")
      : String(v);

/** What is wrong, after the field's name: "must be at most 120 characters." (undefined: zod's own). */
export function issuePredicate(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return typeSentence(String(issue.expected), issue.input);
    case "too_big": {
      const unit = sizeUnit(issue.origin);
      if (issue.exact && unit) return `must have exactly ${count(issue.maximum, unit[0], unit[1])}.`;
      if (unit && issue.origin === "string") return `must be at most ${count(issue.maximum, unit[0], unit[1])}.`;
      if (unit) return `can have at most ${count(issue.maximum, unit[0], unit[1])}.`;
      if (issue.origin === "date") return `must be on or before ${bound(issue.maximum, "date")}.`;
      return issue.inclusive === false
        ? `must be less than ${bound(issue.maximum, issue.origin)}.`
        : `must be ${bound(issue.maximum, issue.origin)} or less.`;
    }
    case "too_small": {
      const unit = sizeUnit(issue.origin);
      if (unit && Number(issue.minimum) === 1 && issue.origin === "string") return "is required.";
      if (issue.exact && unit) return `must have exactly ${count(issue.minimum, unit[0], unit[1])}.`;
      if (unit && issue.origin === "string") return `must be at least ${count(issue.minimum, unit[0], unit[1])}.`;
      if (unit) return `needs at least ${count(issue.minimum, unit[0], unit[1])}.`;
      if (issue.origin === "date") return `must be on or after ${bound(issue.minimum, "date")}.`;
      return issue.inclusive === false
        ? `must be more than ${bound(issue.minimum, issue.origin)}.`
        : `must be ${bound(issue.minimum, issue.origin)} or more.`;
    }
    case "invalid_format":
      switch (issue.format) {
        case "email":
          return "must be an e-mail address (name@company.com).";
        case "date":
          return "must be a date (YYYY-MM-DD).";
        case "datetime":
          return "must be a date and time.";
        case "url":
          return "must be a web address (https://…).";
        default:
          return "has an invalid format.";
      }
    case "invalid_value": {
      const values = issue.values.map((v) => String(v));
      if (values.length === 1) return `must be ${values[0]}.`;
      return values.length <= 12 ? `must be one of ${values.join(", ")}.` : "is not one of the allowed values.";
    }
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return `has unknown ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.slice(0, 5).join(", ")}.`;
    case "invalid_key":
      return "has an invalid key.";
    case "invalid_element":
      return "has an invalid entry.";
    case "invalid_union":
      return "has the wrong type or format.";
    case "custom": {
      const text = (issue.params as { text?: unknown } | undefined)?.text;
      return typeof text === "string" && text in TEXT_PROBLEMS ? TEXT_PROBLEMS[text as TextProblem] : "is not valid.";
    }
    default:
      return undefined;
  }
}

/** The field's name as a sentence's subject ("Name", "This value" when the path is empty). */
export const subjectOf = (path: readonly PropertyKey[] | undefined) => (path?.length ? fieldLabel(path) : "This value");

/** The sentence for one issue, naming its field: "Name must be at most 120 characters." */
export function issueSentence(issue: RawIssue): string | undefined {
  const what = issuePredicate(issue);
  return what === undefined ? undefined : `${subjectOf(issue.path)} ${what}`;
}

let installed = false;

/** Installs the sentences as zod's global error map (idempotent; the validation module does it on import). */
export function installErrorMap(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => issueSentence(issue as RawIssue) });
}

// ---------- field names ----------

const LABELS: Record<string, string> = {
  orgSlug: "Organisation",
  email: "E-mail",
  hqCountry: "Headquarters country",
  hqCity: "Headquarters city",
  feiNumber: "FEI number",
  observations483: "483 observations",
  vendorId: "Vendor",
  vendorIds: "Vendors",
  platformVendorId: "Platform profile",
  siteId: "Site",
  noteId: "Note",
  filterId: "Saved filter",
  importId: "Import",
  membershipId: "Member",
  invitationId: "Invitation",
  entityId: "Record id",
  entityType: "Record type",
  maxBioreactorLitres: "Largest bioreactor (L)",
  maxBatchUnits: "Largest fill batch (units)",
  minBioreactorLitres: "Minimum bioreactor (L)",
  minBatchUnits: "Minimum fill batch (units)",
  qualityMin: "Lowest quality score",
  qualityMax: "Highest quality score",
  q: "Search",
  organizationName: "Organisation name",
  organizationKind: "Organisation type",
  expectedTags: "Tags you saw",
  expectedVersion: "Version",
  totalRows: "Number of rows",
  fileName: "File name",
  issuedAt: "Issue date",
  closedAt: "Close-out date",
  endDate: "Inspection end date",
  from: "From",
  to: "To",
  entryId: "Shortlisted vendor",
  parentId: "Comment replied to",
};

const humanize = (key: string) => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
};

/** "Name", "Tags (item 3)", "Site: City": the product's name for the field at `path`. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const keys = path;
  if (!keys.length) return "Request";
  const parts: string[] = [];
  for (const k of keys) {
    if (typeof k === "number") {
      const prev = parts.pop() ?? "Item";
      parts.push(`${prev} (item ${k + 1})`);
    } else {
      const key = String(k);
      parts.push(LABELS[key] ?? humanize(key));
    }
  }
  return parts.slice(-2).join(": ");
}

const lowerFirst = (s: string) =>
  s.length > 1 && /[A-Z]/.test(s[0]!) && /[a-z ]/.test(s[1]!) ? s[0]!.toLowerCase() + s.slice(1) : s;
const upperFirst = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * The issue's message without the field's name in front ("Must be at most 120 characters."),
 * for places that say where the field is in their own words (an RFP builder's "Section 2,
 * question 3"). Messages a schema wrote itself come back as they are.
 */
export function bareMessage(issue: { path: readonly PropertyKey[]; message: string }): string {
  const msg = issue.message.trim() || "Is not valid.";
  const subject = `${subjectOf(issue.path)} `;
  return msg.startsWith(subject) ? upperFirst(msg.slice(subject.length)) : msg;
}

/**
 * "Name must be at most 120 characters. E-mail: enter a valid e-mail address." — every field at
 * fault named once: the error map's sentences already start with the field's name; a message a
 * schema wrote itself gets the name in front.
 */
export function fieldMessageOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const parts = issues.slice(0, 5).map((i) => {
    const msg = sentence(i.message.trim() || "Is not valid.");
    const subject = `${subjectOf(i.path)} `;
    if (msg.startsWith(subject)) return i.path.length ? msg : `The request ${msg.slice(subject.length)}`;
    return `${fieldLabel(i.path)}: ${lowerFirst(msg)}`;
  });
  return parts.join(" ") || "Request: is not valid.";
}
