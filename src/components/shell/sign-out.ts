// Signs out through next-auth's own endpoints, as next-auth/react's signOut does, without
// loading next-auth/react and its Babel helpers (about 9 KB gzip) into every page's shell.
// The CSRF token comes from next-auth's double-submit cookie endpoint; the POST clears the
// session cookie and ends the session server-side (see src/server/auth).
export async function signOut(callbackUrl = "/login"): Promise<void> {
  try {
    const csrf = await fetch("/api/auth/csrf", { cache: "no-store" });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
  } finally {
    // A full load, so no page of the signed-out session stays in the client router's cache.
    window.location.href = callbackUrl;
  }
}
