import { z } from "zod";

// One error map for the whole application: zod's generic texts ("Too big: expected string to
// have <=120 characters") become sentences ("At most 120 characters."), and a request's
// message names each field at fault ("Name: at most 120 characters."). Schemas that carry
// their own message keep it.

type RawIssue = z.core.$ZodRawIssue;

const plural = (n: number | bigint, one: string, many: string) =>
  `${n.toLocaleString("en")} ${Number(n) === 1 ? one : many}`;

function typeMessage(expected: string, input: unknown): string {
  if (input === undefined) return "Required.";
  switch (expected) {
    case "string":
      return "Must be text.";
    case "number":
    case "int":
      return typeof input === "number" && !Number.isFinite(input) ? "Must be a finite number." : "Must be a number.";
    case "boolean":
      return "Must be yes or no (true or false).";
    case "date":
      return "Must be a valid date.";
    case "array":
      return "Must be a list.";
    case "object":
    case "record":
      return "Must be an object with fields.";
    case "bigint":
      return "Must be a whole number.";
    default:
      return "Has the wrong type.";
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

/** The sentence for one issue (exported for tests). */
export function issueSentence(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return typeMessage(String(issue.expected), issue.input);
    case "too_big": {
      const unit = sizeUnit(issue.origin);
      if (issue.exact && unit) return `Must have exactly ${plural(issue.maximum, unit[0], unit[1])}.`;
      if (unit) return `At most ${plural(issue.maximum, unit[0], unit[1])}.`;
      if (issue.origin === "date") return `Must be on or before ${bound(issue.maximum, "date")}.`;
      return issue.inclusive === false
        ? `Must be less than ${bound(issue.maximum, issue.origin)}.`
        : `At most ${bound(issue.maximum, issue.origin)}.`;
    }
    case "too_small": {
      const unit = sizeUnit(issue.origin);
      if (unit && Number(issue.minimum) === 1 && issue.origin === "string") return "Required.";
      if (issue.exact && unit) return `Must have exactly ${plural(issue.minimum, unit[0], unit[1])}.`;
      if (unit) return `At least ${plural(issue.minimum, unit[0], unit[1])}.`;
      if (issue.origin === "date") return `Must be on or after ${bound(issue.minimum, "date")}.`;
      return issue.inclusive === false
        ? `Must be more than ${bound(issue.minimum, issue.origin)}.`
        : `At least ${bound(issue.minimum, issue.origin)}.`;
    }
    case "invalid_format":
      switch (issue.format) {
        case "email":
          return "Enter a valid e-mail address.";
        case "date":
          return "Must be a date (YYYY-MM-DD).";
        case "datetime":
          return "Must be a date and time.";
        case "url":
          return "Must be a web address.";
        default:
          return "Has an invalid format.";
      }
    case "invalid_value": {
      const values = issue.values.map((v) => String(v));
      if (values.length === 1) return `Must be ${values[0]}.`;
      return values.length <= 12 ? `Must be one of ${values.join(", ")}.` : "Is not one of the allowed values.";
    }
    case "not_multiple_of":
      return `Must be a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return `Has unknown ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.slice(0, 5).join(", ")}.`;
    case "invalid_key":
      return "Has an invalid key.";
    case "invalid_element":
      return "Has an invalid entry.";
    case "invalid_union":
      return "Has the wrong type or format.";
    case "custom":
      return "Is not valid.";
    default:
      return undefined;
  }
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

/** "Name: at most 120 characters. E-mail: enter a valid e-mail address." — names every field at fault. */
export function fieldMessageOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const parts = issues.slice(0, 5).map((i) => {
    const msg = i.message.trim() || "Is not valid.";
    return `${fieldLabel(i.path)}: ${lowerFirst(/[.!?]$/.test(msg) ? msg : `${msg}.`)}`;
  });
  return parts.join(" ") || "Request: is not valid.";
}
