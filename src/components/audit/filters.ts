import { endOfDay, isValid, parseISO } from "date-fns";

/** Audit filters as they appear in the form and the URL (dates as yyyy-MM-dd). */
export type AuditFilterValues = {
  action: string;
  entityType: string;
  entityId: string;
  actor: string;
  from: string;
  to: string;
};

export const EMPTY_FILTERS: AuditFilterValues = {
  action: "",
  entityType: "",
  entityId: "",
  actor: "",
  from: "",
  to: "",
};

/** The API's filter input: empty fields dropped, dates as the start/end of the reader's local day. */
export function toApiFilter(f: AuditFilterValues) {
  const from = f.from ? parseISO(f.from) : undefined;
  const to = f.to ? endOfDay(parseISO(f.to)) : undefined;
  return {
    action: f.action.trim() || undefined,
    entityType: f.entityType || undefined,
    entityId: f.entityId.trim() || undefined,
    actor: f.actor.trim() || undefined,
    from: from && isValid(from) ? from : undefined,
    to: to && isValid(to) ? to : undefined,
  };
}

export function toSearch(f: AuditFilterValues): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function fromSearch(sp: Record<string, string | string[] | undefined>): AuditFilterValues {
  const one = (k: keyof AuditFilterValues) => {
    const v = sp[k];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  return {
    action: one("action"),
    entityType: one("entityType"),
    entityId: one("entityId"),
    actor: one("actor"),
    from: one("from"),
    to: one("to"),
  };
}
