// Characters PostgreSQL and JSON cannot store faithfully: NUL (text columns reject 0x00) and
// lone UTF-16 surrogates (not valid Unicode, so the audit log's JSON rejects them). Other C0
// controls and DEL are refused too: no field of the product needs them, and they hide text.

/** C0 controls and DEL; `multiline` allows tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_SINGLE = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_MULTI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` cannot be stored as text (the error map words it), or null when it can. */
export function textProblem(s: string, multiline = false): "control" | "surrogate" | null {
  if ((multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(s)) return "control";
  if (LONE_SURROGATE.test(s)) return "surrogate";
  return null;
}

/** Searches longer than this are cut to it (zSearch); the search boxes stop there too. Zod-free, for the browser. */
export const SEARCH_MAX = 200;

/** Search text as typed, made storable: control characters become spaces and lone surrogates go. */
export function cleanSearchText(s: string): string {
  return s.replace(new RegExp(CONTROL_SINGLE.source, "g"), " ").replace(new RegExp(LONE_SURROGATE.source, "g"), "");
}
