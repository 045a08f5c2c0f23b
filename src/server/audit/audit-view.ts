import type { TenantDb } from "../db/tenant";
import { fieldLabel } from "../validation/messages";
import { actionLabel, entityTypeLabel } from "./actions";
import { REFERENCE_FIELDS, RefRequest, resolveRefs, type RecordRef, type RefOrg } from "./audit-refs";

// An audit page as a person reads it: who (a name, not a UUID), what (words, not a key), which
// record (its name and a link), and only the fields that changed. The ids stay in each item for
// the page's details disclosure and for the CSV export. Read-only: the log itself is untouched.

export type AuditValue = { text: string; ref: RecordRef | null; id: string | null };
export type AuditChange = { field: string; label: string; old: AuditValue; new: AuditValue };

export type AuditRow = {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: unknown;
  reason: string | null;
};

/** The stored row (ids, keys and `changes` as written, for the details and for scripts), and how to read it. */
export type AuditItem = AuditRow & {
  actionLabel: string;
  /** The actor's name, when this organisation can still see the account. */
  actorName: string | null;
  entityTypeLabel: string;
  record: RecordRef | null;
  /** What the entry is about within its record, from a field it kept unchanged ("Aster Bio" on a shortlist). */
  about: string | null;
  /** Only the fields whose value changed, with names and words. */
  changed: AuditChange[];
};

type RawChange = { old: unknown; new: unknown };

/** Stored codes of the product's enums (roles, statuses, shortlist columns), as the pages name them. */
const CODE_WORDS: Record<string, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  EVALUATOR: "Evaluator",
  VIEWER: "Viewer",
  RESPONDER: "Responder",
  SPONSOR: "Sponsor",
  LONG: "Long list",
  SHORT: "Shortlist",
  SELECTED: "Selected",
  DRAFT: "Draft",
  PUBLISHED: "Published",
  CLOSED: "Closed",
  AWARDED: "Awarded",
  CANCELLED: "Cancelled",
  PROPOSED: "Proposed",
  SIGNED: "Signed",
  WITHDRAWN: "Withdrawn",
  OPEN: "Open",
};

/** A cuid or a UUID: an internal id, which belongs in the details, not in the changes. */
const INTERNAL_ID = /^(c[a-z0-9]{20,32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const isBareId = (v: unknown): boolean =>
  (typeof v === "string" && INTERNAL_ID.test(v)) || (Array.isArray(v) && v.length > 0 && v.every(isBareId));

/** `changes` as stored ({field: {old, new}}, or a bare value), without the fields whose value did not change. */
export function changedFields(changes: unknown): [field: string, change: RawChange][] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>)
    .map(([field, v]): [string, RawChange] => {
      if (v && typeof v === "object" && !Array.isArray(v) && ("old" in v || "new" in v)) {
        const c = v as { old?: unknown; new?: unknown };
        return [field, { old: c.old ?? null, new: c.new ?? null }];
      }
      return [field, { old: null, new: v ?? null }];
    })
    .filter(([, c]) => stable(c.old) !== stable(c.new));
}

/** JSON with sorted keys, so {a,b} and {b,a} count as the same value. */
function stable(v: unknown): string {
  if (v === undefined) return "null";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
    .join(",")}}`;
}

/** A stored value as text: "—" for nothing, lists joined, dates as days. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (typeof v === "number") return v.toLocaleString("en");
  if (typeof v === "string") return /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(v) ? v.slice(0, 10) : v;
  if (Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null))
    return v.length ? v.map((x) => valueText(x)).join(", ") : "none";
  return JSON.stringify(v);
}

/** The label a deleted record still has in its own entry (a removed member's e-mail, a file's name). */
function labelFromChanges(changes: [string, RawChange][]): string | null {
  for (const f of ["name", "title", "fileName", "email", "vendor", "displayName"]) {
    const c = changes.find(([k]) => k === f)?.[1];
    const v = c?.old ?? c?.new;
    if (typeof v === "string" && v) return v;
  }
  return null;
}

/** Names, links and words for one page of audit rows: a fixed number of queries per page. */
export async function describeAuditRows(db: TenantDb, org: RefOrg, rows: AuditRow[]): Promise<AuditItem[]> {
  const req = new RefRequest();
  const parsed = rows.map((r) => {
    // Everything stored, unchanged values included, for the record's fallback label.
    const all = changedFields(r.changes);
    const raw = rawFields(r.changes);
    req.add(r.entityType, r.entityId);
    if (r.actorId) req.add("User", r.actorId);
    for (const [field, c] of all)
      if (REFERENCE_FIELDS[field]) for (const v of [c.old, c.new].flat()) req.add(REFERENCE_FIELDS[field]!, v);
    // A removed site or note is gone: its entry's vendorId still names the vendor.
    const vendorId = raw.find(([k]) => k === "vendorId")?.[1];
    if (vendorId) for (const v of [vendorId.old, vendorId.new]) req.add("Vendor", v);
    return { r, all, raw, vendorId };
  });
  const ref = await resolveRefs(db, org, req);
  const value = (field: string, v: unknown): AuditValue => {
    const type = REFERENCE_FIELDS[field];
    if (type && Array.isArray(v)) {
      const names = v.map((id) => (typeof id === "string" ? ref(type, id)?.label : null));
      const text = names.every(Boolean) ? names.join(", ") : valueText(v);
      return { text, ref: null, id: null };
    }
    const r = type && typeof v === "string" ? ref(type, v) : null;
    const words = typeof v === "string" ? CODE_WORDS[v] : undefined;
    return { text: r?.label ?? words ?? valueText(v), ref: r, id: type && typeof v === "string" ? v : null };
  };
  // A side that is nothing, or an id no name was found for (a comment's, a reply's): nothing to read.
  const unreadable = (v: unknown, shown: AuditValue) => v === null || (isBareId(v) && shown.text === valueText(v));
  return parsed.map(({ r, all, raw, vendorId }): AuditItem => {
    const vendorRef = vendorId ? ref("Vendor", String(vendorId.old ?? vendorId.new ?? "")) : null;
    const fallback = labelFromChanges(raw) ?? vendorRef?.label ?? null;
    return {
      id: r.id,
      at: r.at,
      actorId: r.actorId,
      actorEmail: r.actorEmail,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      changes: r.changes,
      reason: r.reason,
      actionLabel: actionLabel(r.action),
      actorName: r.actorId ? (ref("User", r.actorId)?.label ?? null) : null,
      entityTypeLabel: entityTypeLabel(r.entityType),
      record: ref(r.entityType, r.entityId) ?? (fallback ? { label: fallback, href: vendorRef?.href ?? null } : null),
      about: aboutOf(raw),
      changed: all.flatMap(([field, c]) => {
        const old = value(field, c.old);
        const now = value(field, c.new);
        // Ids without a name stay in the details (the stored changes), not in the list.
        if (unreadable(c.old, old) && unreadable(c.new, now)) return [];
        return [{ field, label: fieldLabel([field]), old, new: now }];
      }),
    };
  });
}

/** An identifying field the entry kept for context (unchanged, so not in `changed`): the card's vendor, say. */
function aboutOf(raw: [string, RawChange][]): string | null {
  for (const f of ["vendor", "displayName"]) {
    const c = raw.find(([k]) => k === f)?.[1];
    if (c && typeof c.old === "string" && c.old === c.new) return c.old;
  }
  return null;
}

/** Every stored field, changed or not. */
function rawFields(changes: unknown): [string, RawChange][] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, v]) => {
    const c = (v && typeof v === "object" && !Array.isArray(v) ? v : { new: v }) as { old?: unknown; new?: unknown };
    return [field, { old: c.old ?? null, new: c.new ?? null }];
  });
}
