#!/usr/bin/env node
// Lighthouse on the key pages, signed in: `node bench/lighthouse.mjs [--base http://localhost:3000] [--runs 3]`
//
// Against a running production server (`npm start`) with the demo data. Signs in as the demo
// sponsor (and the demo CDMO for its inbox) through next-auth's credentials endpoint, then runs
// Lighthouse 12 (the last major for Node 20; fetched by npx on first use, not a dependency of the
// app) with its default mobile preset on each page, `runs` times, and prints the median per
// page: performance score, LCP, total blocking time, and the JavaScript transferred.
// The browser: CHROME_PATH, else @sparticuz/chromium's (the one the browser journeys use).
import { execFile } from "node:child_process";
import { parseArgs, promisify } from "node:util";

const run = promisify(execFile);
const { values } = parseArgs({ options: { base: { type: "string" }, runs: { type: "string" } } });
const BASE = (values.base ?? "http://localhost:3000").replace(/\/$/, "");
const RUNS = Number(values.runs ?? 3);
const PASSWORD = "demo-Cdmo-select-2026";

async function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const { default: chromium } = await import("@sparticuz/chromium");
  return chromium.executablePath();
}

/** next-auth's session cookie for `email`, signing in as the login form does. */
async function signIn(email) {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`could not sign in as ${email} (HTTP ${res.status})`);
  return session.split(";")[0];
}

async function lighthouse(url, cookie, chrome) {
  const { stdout } = await run(
    "npx",
    [
      "--yes",
      "lighthouse@12.8.2",
      url,
      "--output=json",
      "--output-path=stdout",
      "--only-categories=performance",
      "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      ...(cookie ? [`--extra-headers=${JSON.stringify({ cookie })}`] : []),
    ],
    { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 },
  );
  const r = JSON.parse(stdout);
  const requests = r.audits["network-requests"]?.details?.items ?? [];
  const jsBytes = requests
    .filter((q) => q.resourceType === "Script")
    .reduce((sum, q) => sum + (q.transferSize ?? 0), 0);
  return {
    score: Math.round((r.categories.performance.score ?? 0) * 100),
    lcpMs: r.audits["largest-contentful-paint"].numericValue,
    tbtMs: r.audits["total-blocking-time"].numericValue,
    jsKb: jsBytes / 1024,
    finalUrl: r.finalDisplayedUrl ?? r.finalUrl,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const chrome = await chromePath();
const sponsor = await signIn("olivia.owner@helix.example");
const cdmo = await signIn("nora.owner@northbridge.example");
// The demo's ids are generated: ask the API, as the pages do.
async function query(path, input, cookie) {
  const url = `${BASE}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()).result.data.json;
}
const org = "helix-therapeutics";
const vendorId = (await query("vendors.directory", { orgSlug: org, q: "Northbridge" }, sponsor)).items[0]?.id;
const programmeId = (await query("programme.list", { orgSlug: org }, sponsor)).items?.[0]?.id;
const pages = [
  ["/login", null],
  [`/${org}`, sponsor],
  [`/${org}/vendors`, sponsor],
  [`/${org}/vendors/${vendorId}`, sponsor],
  [`/${org}/programmes`, sponsor],
  [`/${org}/programmes/${programmeId}`, sponsor],
  ["/northbridge-biologics", cdmo],
  ["/northbridge-biologics/inbox", cdmo],
];

console.log(`Lighthouse 12.8.2, mobile preset, median of ${RUNS}; ${BASE}\n`);
console.log("| page | score | LCP ms | TBT ms | JS transferred KB |\n|---|---:|---:|---:|---:|");
for (const [path, cookie] of pages) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await lighthouse(`${BASE}${path}`, cookie, chrome));
  const landed = new URL(results[0].finalUrl).pathname;
  if (landed !== path) throw new Error(`${path} landed on ${landed}: not signed in?`);
  const m = (k) => median(results.map((r) => r[k]));
  console.log(
    `| ${path} | ${m("score")} | ${m("lcpMs").toFixed(0)} | ${m("tbtMs").toFixed(0)} | ${m("jsKb").toFixed(1)} |`,
  );
}
