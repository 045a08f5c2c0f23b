import { z } from "zod";

// zod 4 probes whether it may compile parsers with `new Function` the first time it parses an
// object. Our CSP forbids eval in production, so in the browser that probe is a CSP violation
// on every page (caught by zod, but reported). jitless makes zod skip the probe and interpret.
// Imported first by the client provider, which every page loads before any form parses.
z.config({ jitless: true });
