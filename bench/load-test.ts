/**
 * The load test of the production-readiness issue: a production build on PostgreSQL with a
 * generated data set, 50 concurrent users, the pages people wait for.
 *
 *   npx next build            # once: the test serves .next as `npm start` does
 *   npm run bench:load        # = npx tsx bench/load-test.ts [--connections 50] [--seconds 15] [--rate 0]
 *                                  [--port 3510] [--reload]
 *
 * Data (bench database BENCH_DATABASE_URL, default postgres://cdmo_app@127.0.0.1:5432/cdmo_bench,
 * created and migrated as cdmo_owner; each part loaded only when missing, `--reload` forces):
 * 200 organisations, 2,000 RFPs and 20,000 submitted responses (bench/generate-rfps.ts); 5,000
 * platform vendors with 50,000 inspections (bench/generate-directory.ts; with the RFP set's 160
 * CDMOs and the directory's own organisations that is over 200 organisations); 200,000 scores
 * on 1,000 scorecards (bench/generate-scores.ts).
 *
 * It starts `scripts/server.mjs` (the server `npm start` runs) on --port with JOBS=off, signs two
 * users in by minting their next-auth cookie for existing session rows (the sign-in form is not
 * what is measured), and drives each case with autocannon: --connections connections, each
 * sending its next request as soon as the last one is answered (or, with --rate N, at most N
 * per second: users who read between clicks), for --seconds after 3 s of warm-up. Latencies are taken from every response (autocannon's own summary has no p95).
 * Errors are transport errors, timeouts and any status other than 200.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { loadAverage } from "./machine";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { BENCH_OWNER_URL, BENCH_URL, prepareBenchDatabase } from "./generate-directory";
import { prepareRfpBench, RFP_BENCH } from "./generate-rfps";
import { loadScores, scoresLoaded } from "./generate-scores";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    seconds: { type: "string", default: "15" },
    port: { type: "string", default: "3510" },
    rate: { type: "string", default: "0" },
    reload: { type: "boolean", default: false },
  },
});
const CONNECTIONS = Number(values.connections);
const SECONDS = Number(values.seconds);
const PORT = Number(values.port);
// Requests per second per connection (a user who waits between clicks); 0 = back to back.
const RATE = Number(values.rate);
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = "load-test-secret-0123456789abcdef";
const root = path.resolve(import.meta.dirname, "..");

async function owner<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: BENCH_OWNER_URL });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}
const one = async (c: pg.Client, text: string, params: unknown[] = []) => (await c.query(text, params)).rows[0];

async function prepareData() {
  const rfps = await prepareRfpBench(
    { sponsors: 40, cdmos: 160, rfps: 2000, invitees: 10, seed: 1 },
    { force: !!values.reload },
  );
  if (rfps.counts) console.log(`RFPs loaded in ${(rfps.ms! / 1000).toFixed(1)} s`, rfps.counts);
  const vendors = await owner((c) => one(c, `SELECT count(*)::int AS n FROM "Organization" WHERE id LIKE 'gen%'`));
  // One CDMO organisation per platform vendor (bench/generate-directory.ts).
  if (values.reload || vendors.n < 3000) {
    const d = await prepareBenchDatabase({ vendors: 5000, inspections: 50000, seed: 1 });
    console.log(`directory loaded in ${(d.ms / 1000).toFixed(1)} s`, d.counts);
  }
  await owner(async (c) => {
    if (rfps.counts || values.reload || !(await scoresLoaded(c))) console.log(`scores loaded: ${await loadScores(c)}`);
  });
  // Counted as the owner with FORCE lifted inside a transaction that is rolled back.
  return owner(async (c) => {
    await c.query("BEGIN");
    for (const t of ["Vendor", "Rfp", "RfpResponse", "Score"])
      await c.query(`ALTER TABLE "${t}" NO FORCE ROW LEVEL SECURITY`);
    const n = async (table: string) => (await one(c, `SELECT count(*)::int AS n FROM "${table}"`)).n as number;
    const counts = {
      organisations: await n("Organization"),
      vendors: await n("Vendor"),
      rfps: await n("Rfp"),
      responses: await n("RfpResponse"),
      scores: await n("Score"),
      programmeId: (await one(c, `SELECT "programmeId" FROM "Rfp" WHERE id = $1`, [RFP_BENCH.matrixRfp]))
        .programmeId as string,
    };
    await c.query("ROLLBACK");
    return counts;
  });
}

async function startServer(): Promise<() => Promise<void>> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new Error("No production build: run `npx next build` first.");
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: BENCH_URL,
      MIGRATION_DATABASE_URL: BENCH_OWNER_URL,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: BASE,
      JOBS: "off",
      QUALITY_REFRESH: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      log += d;
      if (String(d).includes("Ready")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  return () =>
    new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}

const cookieFor = async (user: string, session: string) =>
  `next-auth.session-token=${await encode({ token: { uid: user, sid: session }, secret: SECRET })}`;

/** A tRPC query as the browser's link sends it without batching. */
const query = (proc: string, input: unknown) =>
  `/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

type Case = { label: string; path: string; cookie: string };

async function run(c: Case, seconds: number, record: boolean) {
  const times: number[] = [];
  let bad = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE + c.path,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { cookie: c.cookie },
        timeout: 10,
        ...(RATE > 0 ? { connectionRate: RATE } : {}),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (!record) return;
      times.push(ms);
      if (status !== 200) bad++;
    });
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
  return {
    requests: times.length,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    rps: times.length / seconds,
    errors: bad + result.errors + result.timeouts,
  };
}

async function main() {
  const data = await prepareData();
  console.log(
    `data: ${data.organisations} organisations, ${data.vendors} vendors, ${data.rfps} RFPs, ` +
      `${data.responses} responses, ${data.scores} scores`,
  );
  const stop = await startServer();
  try {
    const sponsor = await cookieFor(RFP_BENCH.sponsorUser, RFP_BENCH.sponsorSession);
    const cdmo = await cookieFor(RFP_BENCH.cdmoUser, RFP_BENCH.cdmoSession);
    const org = RFP_BENCH.sponsorOrg;
    const rfpId = RFP_BENCH.matrixRfp;
    const cases: Case[] = [
      { label: "dashboard (`overview.get`)", path: query("overview.get", { orgSlug: org }), cookie: sponsor },
      {
        label: "directory search (`vendors.directory`, q=bio)",
        path: query("vendors.directory", { orgSlug: org, q: "bio" }),
        cookie: sponsor,
      },
      {
        label: "RFP view, CDMO (`portal.rfp`)",
        path: query("portal.rfp", { orgSlug: RFP_BENCH.cdmoOrg, rfpId }),
        cookie: cdmo,
      },
      {
        label: "response matrix (`responses.matrix`)",
        path: query("responses.matrix", { orgSlug: org, rfpId }),
        cookie: sponsor,
      },
      {
        label: "scorecard results (`evaluation.get`)",
        path: query("evaluation.get", { orgSlug: org, rfpId }),
        cookie: sponsor,
      },
      {
        label: "portfolio comparison (`portfolio.get`)",
        path: query("portfolio.get", { orgSlug: org, programmeId: data.programmeId, rfpId }),
        cookie: sponsor,
      },
    ];
    // Each case must answer 200 before it is timed: a refused request is fast and would flatter it.
    for (const c of cases) {
      const res = await fetch(BASE + c.path, { headers: { cookie: c.cookie } });
      if (res.status !== 200) throw new Error(`${c.label}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    }
    console.log(
      `\n${CONNECTIONS} connections x ${SECONDS} s per case, ${RATE > 0 ? `${RATE} request/s each` : "back to back"}; ${os.cpus().length} CPUs, load average ${loadAverage()}\n`,
    );
    console.log("| case | requests | p50 ms | p95 ms | p99 ms | req/s | errors |\n|---|---:|---:|---:|---:|---:|---:|");
    for (const c of cases) {
      await run(c, 3, false);
      const r = await run(c, SECONDS, true);
      console.log(
        `| ${c.label} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} |`,
      );
    }
    console.log(`\nload average after: ${loadAverage()}`);
  } finally {
    await stop();
  }
}

await main();
