// The security headers of every response, built in one place (src/proxy.ts applies them).
// Pure: no Next.js or Node imports, so the header test can compare against it.

export type HeaderContext = { nonce: string; https: boolean; dev: boolean };

/**
 * Content-Security-Policy with a per-request nonce. Next.js reads the nonce from this
 * header on the request and puts it on its own inline and bundle scripts; 'strict-dynamic'
 * lets those scripts load the chunks they import. Styles: React renders `style`
 * attributes (Recharts, Radix popper positioning, Sonner's toaster) and Sonner injects a
 * <style> element at run time without a nonce, so style-src must allow inline styles;
 * a nonce there would make browsers ignore 'unsafe-inline'. Inline styles cannot run code.
 */
export function contentSecurityPolicy({ nonce, dev }: HeaderContext): string {
  return [
    "default-src 'self'",
    // The development server evaluates modules with eval() for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}

export function securityHeaders(ctx: HeaderContext): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(ctx),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    // Browsers ignore HSTS received over plain HTTP; sending it only over HTTPS keeps a
    // local http://localhost demo from pinning the name to HTTPS.
    ...(ctx.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
