// Characters PostgreSQL and JSON cannot store faithfully: NUL (text columns reject 0x00) and
// lone UTF-16 surrogates (not valid Unicode, so the audit log's JSON rejects them). Other C0
// controls and DEL are refused too: no field of the product needs them, and they hide text.

/** C0 controls and DEL; `multiline` allows tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_SINGLE = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_MULTI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_MESSAGE = "must not contain control characters.";
export const SURROGATE_MESSAGE = "contains a character that is not valid text (a broken emoji or symbol?).";

/** Why `s` cannot be stored as text, or null when it can. */
export function textProblem(s: string, multiline = false): string | null {
  if ((multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(s)) return CONTROL_MESSAGE;
  if (LONE_SURROGATE.test(s)) return SURROGATE_MESSAGE;
  return null;
}
