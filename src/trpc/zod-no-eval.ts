// zod 4 probes whether it may compile parsers with `new Function` the first time it parses an
// object. Our CSP forbids eval in production, so in the browser that probe is a CSP violation
// on every page (caught by zod, but reported). jitless makes zod skip the probe and interpret.
// Imported first by the client provider, which every page loads before any form parses.
//
// Only in the browser: the provider also runs on the server while pages render, and a server
// process has no CSP and parses every procedure's input, where zod's compiled parsers are the
// faster ones (the RFP content schemas especially).
//
// zod keeps its configuration on this global, so that copies of zod share it, and creates it
// only when missing: setting it before any zod loads is what `config({ jitless: true })` does,
// without importing zod's core (4.5 KB gzip) into pages that never parse. zod-no-eval.test.ts
// fails if a zod release stops reading it.
export function turnOffZodJit() {
  const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
  g.__zod_globalConfig = Object.assign(g.__zod_globalConfig ?? {}, { jitless: true });
}

if (typeof window !== "undefined") turnOffZodJit();
