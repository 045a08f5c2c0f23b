/** Only same-site paths may be redirect targets ("/x", never "//evil" or "https://..."). */
export function safeCallback(raw: string | string[] | undefined, fallback = "/"): string {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return fallback;
  return v;
}

export function firstParam(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}
