// Where to go after sign-in. Pure (no server imports): the login page, the login form
// in the browser and next-auth's redirect callback all use it.

/**
 * `raw` as a same-origin path ("/x?y#z"), or `fallback`. Parsed with URL against `origin`,
 * the way the browser will resolve it, so tabs and newlines (which browsers strip),
 * backslashes (read as "/"), "//host", "/\host", schemes like "javascript:" and other
 * origins all fail the origin comparison. Percent-encoded slashes stay encoded in the
 * path, which the browser does not decode into an authority.
 */
export function safeCallbackPath(raw: string | string[] | null | undefined, origin: string, fallback = "/"): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return fallback;
  // Control characters and backslashes have no place in our own links; refuse rather than normalise.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" normalises to "//evil", which a browser would read as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}

export function firstParam(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}
