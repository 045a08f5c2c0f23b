/**
 * The RFP screens under load, on PostgreSQL: `npm run bench:rfps` (= `npx tsx bench/rfp-bench.ts`)
 * `[--users 20] [--iterations 50] [--reload] [--only matrix]`
 *
 * Loads bench/generate-rfps.ts's dataset (200 organisations, 2,000 RFPs, 20,000 submitted
 * responses) into BENCH_DATABASE_URL unless it is already there (`--reload` forces it), then,
 * for each procedure, runs `users` virtual users at once, each sending `iterations` requests
 * back to back (after 5 warm-up requests each, not timed). Every request is what the app's
 * tRPC route does after decoding the cookie: read the session row and its user, build the
 * context, call the procedure through the server-side caller, which runs it as the app role
 * (`cdmo_app`, row-level security on) on the app's pool of 10 connections.
 *
 * - CDMO inbox: `portal.inbox` for rb-cdmo-1 (125 invitations), open and past, first page of 25;
 * - CDMO RFP view: `portal.rfp`, each user cycling through the RFPs rb-cdmo-1 is invited to;
 * - sponsor response matrix: `responses.matrix` of rb-rfp-1 (10 responses, sealed with
 *   committee opening, opened by two members).
 *
 * Prints the statements one call sends, then p50 / p95 / p99 / max in milliseconds and
 * requests per second, as a Markdown table.
 */
import { readFile } from "node:fs/promises";
import os from "node:os";
import { loadAverage } from "./machine";
import { parseArgs } from "node:util";
import pg from "pg";
import { createCaller } from "../src/server/api/root";
import { createContext } from "../src/server/api/trpc";
import { resolveAuthSession } from "../src/server/auth/sessions";
import { createDb, setDbForTests } from "../src/server/db/client";
import { onStatement } from "../src/server/db/statement-log";
import { BENCH_URL } from "./generate-directory";
import { RFP_BENCH, prepareRfpBench } from "./generate-rfps";

const { values } = parseArgs({
  options: {
    users: { type: "string" },
    iterations: { type: "string" },
    reload: { type: "boolean" },
    // Only the cases whose label contains this (e.g. "matrix"), to profile one at a time.
    only: { type: "string" },
  },
});
const USERS = Number(values.users ?? 20);
const ITERATIONS = Number(values.iterations ?? 50);
const WARM_UP = 5;

type Caller = ReturnType<typeof createCaller>;

/** One request as the route handler serves it: session row, context, caller, procedure. */
async function request<T>(session: string, call: (c: Caller) => Promise<T>): Promise<T> {
  const user = await resolveAuthSession(session);
  if (!user) throw new Error(`session ${session} is not valid`);
  return call(createCaller(await createContext({ user, ip: "127.0.0.1" })));
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * CPU seconds used so far by the database backends serving the bench's pool (read from /proc,
 * so only when PostgreSQL runs on this machine; null otherwise). Backends that are gone are not
 * counted: read it while the pool's connections are open.
 */
async function backendCpuSeconds(): Promise<number | null> {
  const client = new pg.Client({ connectionString: BENCH_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()`,
    );
    let ticks = 0;
    for (const { pid } of rows) {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
      if (stat === null) return null;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the line)
    }
    return ticks / 100; // USER_HZ
  } finally {
    await client.end();
  }
}

type Case = { label: string; session: string; call: (c: Caller, user: number, i: number) => Promise<unknown> };

async function statementsOf(c: Case) {
  let n = 0;
  const stop = onStatement(() => n++);
  await request(c.session, (caller) => c.call(caller, 0, 0));
  stop();
  return n;
}

/** `USERS` callers at once, each `ITERATIONS` requests back to back; per-request latencies. */
async function load(c: Case) {
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      for (let i = 0; i < WARM_UP; i++) await request(c.session, (caller) => c.call(caller, u, i));
    }),
  );
  const times: number[] = [];
  const db0 = await backendCpuSeconds();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      for (let i = 0; i < ITERATIONS; i++) {
        const s = performance.now();
        await request(c.session, (caller) => c.call(caller, u, i));
        times.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const db1 = await backendCpuSeconds();
  times.sort((a, b) => a - b);
  return {
    times,
    rps: times.length / seconds,
    cpuMs: (cpu.user + cpu.system) / 1000 / times.length,
    dbCpuMs: db0 === null || db1 === null ? null : ((db1 - db0) * 1000) / times.length,
  };
}

async function main() {
  const loaded = await prepareRfpBench(
    { sponsors: 40, cdmos: 160, rfps: 2000, invitees: 10, seed: 1 },
    { force: !!values.reload },
  );
  console.log(
    loaded.counts
      ? `loaded in ${(loaded.ms! / 1000).toFixed(1)} s: ${JSON.stringify(loaded.counts)}`
      : "dataset already loaded (--reload to load it again)",
  );
  const handle = createDb({ kind: "postgres", url: BENCH_URL });
  await handle.ready;
  setDbForTests(handle);
  try {
    const cdmo = { orgSlug: RFP_BENCH.cdmoOrg };
    // The RFPs rb-cdmo-1 is invited to, for the RFP view to cycle through.
    const rfpIds: string[] = [];
    for (const show of ["open", "past"] as const)
      for (let page = 1; ; page++) {
        const r = await request(RFP_BENCH.cdmoSession, (c) => c.portal.inbox({ ...cdmo, show, page, pageSize: 100 }));
        rfpIds.push(...r.items.map((i) => i.rfpId));
        if (page * r.pageSize >= r.total) break;
      }
    const matrix = await request(RFP_BENCH.sponsorSession, (c) =>
      c.responses.matrix({ orgSlug: RFP_BENCH.sponsorOrg, rfpId: RFP_BENCH.matrixRfp }),
    );
    if (!matrix.matrix) throw new Error(`${RFP_BENCH.matrixRfp} is still sealed: ${matrix.seal.message}`);
    console.log(
      `rb-cdmo-1 is invited to ${rfpIds.length} RFPs; ${RFP_BENCH.matrixRfp} has ${matrix.columns!.length} responses, ` +
        `${matrix.matrix.rows.length} question rows and ${matrix.matrix.priceRows.length} price rows`,
    );

    const cases: Case[] = [
      {
        label: "CDMO inbox, open (`portal.inbox`)",
        session: RFP_BENCH.cdmoSession,
        call: (c) => c.portal.inbox({ ...cdmo, show: "open" }),
      },
      {
        label: "CDMO inbox, past (`portal.inbox`)",
        session: RFP_BENCH.cdmoSession,
        call: (c) => c.portal.inbox({ ...cdmo, show: "past" }),
      },
      {
        label: "CDMO RFP view (`portal.rfp`)",
        session: RFP_BENCH.cdmoSession,
        call: (c, u, i) => c.portal.rfp({ ...cdmo, rfpId: rfpIds[(u * 7 + i) % rfpIds.length]! }),
      },
      {
        label: "sponsor response matrix (`responses.matrix`)",
        session: RFP_BENCH.sponsorSession,
        call: (c) => c.responses.matrix({ orgSlug: RFP_BENCH.sponsorOrg, rfpId: RFP_BENCH.matrixRfp }),
      },
    ];
    console.log(
      `\n${USERS} concurrent users x ${ITERATIONS} requests each; ${os.cpus().length} CPUs, load average ${loadAverage()}\n`,
    );
    console.log(
      "| procedure | statements | p50 ms | p95 ms | p99 ms | max ms | req/s | Node CPU ms/req | PostgreSQL CPU ms/req |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (const c of cases.filter((k) => !values.only || k.label.includes(values.only))) {
      const statements = await statementsOf(c);
      const { times, rps, cpuMs, dbCpuMs } = await load(c);
      console.log(
        `| ${c.label} | ${statements} | ${[50, 95, 99].map((p) => pct(times, p).toFixed(1)).join(" | ")} | ${times
          .at(-1)!
          .toFixed(1)} | ${rps.toFixed(0)} | ${cpuMs.toFixed(1)} | ${dbCpuMs?.toFixed(1) ?? "n/a"} |`,
      );
    }
    console.log(`\nload average after: ${loadAverage()}`);
  } finally {
    setDbForTests(undefined);
    await handle.prisma.$disconnect();
  }
}

await main();
