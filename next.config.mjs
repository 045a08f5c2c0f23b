/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and wasm packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "@prisma/adapter-pg",
    "pg",
    "nodemailer",
    "pg-boss",
    "@prisma/schema-engine-wasm",
    // pdfkit (under pdfmake) reads its standard-font metrics from files beside its own code.
    "pdfmake",
  ],
  // A second build beside the served one, for size experiments (bench/first-load-js.mjs --dir=).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `ANALYZE=1 next build` writes browser source maps, for bench/first-load-js.mjs --by-module.
  productionBrowserSourceMaps: process.env.ANALYZE === "1",
  typedRoutes: false,
  typescript: { ignoreBuildErrors: false },
  // Hashed build output and optimised images skip src/proxy.ts (no nonce to give them), so
  // they get the static part of its headers here.
  async headers() {
    const staticHeaders = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      // script-src 'self': a Web Worker (the portfolio page's decision core) runs under the CSP of its
      // own script, served from here, and loads its chunks with importScripts from the same origin.
      { key: "Content-Security-Policy", value: "default-src 'none'; script-src 'self'; frame-ancestors 'none'" },
    ];
    return ["/_next/static/:path*", "/_next/image"].map((source) => ({ source, headers: staticHeaders }));
  },
};
export default nextConfig;
