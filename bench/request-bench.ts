/**
 * What the tenancy plumbing costs per request, on PostgreSQL, over HTTP:
 * `npx tsx bench/request-bench.ts [--no-load] [--seconds 4] [--iterations 100]`
 *
 * Serves the real tRPC handler (fetchRequestHandler, appRouter, createContext, the session
 * read every request does) from a plain Node HTTP server on BENCH_PORT (default 3204), as a
 * bench user who is a VIEWER of the first bench sponsor (bench/generate-directory.ts data).
 * Next's own routing and next-auth's cookie decoding are left out; everything from the
 * session row onwards is in. Prints:
 * - organization.current (the cheapest org procedure): statements per call and req/s with
 *   10 requests in flight;
 * - a page's batch (organization.current + members.list + vendors.directory);
 * - vendors.directory over HTTP vs the same statements (captured at the driver adapter)
 *   replayed with raw `pg` on one pooled connection: p50 / p95 and their ratio.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import pg from "pg";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../src/server/api/root";
import { createContext } from "../src/server/api/trpc";
import { resolveAuthSession } from "../src/server/auth/sessions";
import { createDb, setDbForTests } from "../src/server/db/client";
import { OWNER_ROLE, withUser } from "../src/server/db/config";
import { onStatement } from "../src/server/db/statement-log";
import { BENCH_SPONSORS, BENCH_URL, prepareBenchDatabase } from "./generate-directory";

const { values } = parseArgs({
  options: { "no-load": { type: "boolean" }, seconds: { type: "string" }, iterations: { type: "string" } },
});
const SECONDS = Number(values.seconds ?? 4);
const ITERATIONS = Number(values.iterations ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 3204);
const ORG = BENCH_SPONSORS[0]!;
const SESSION = "bench-session-1";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function seedBenchUser() {
  const owner = new pg.Client({ connectionString: withUser(BENCH_URL, OWNER_ROLE) });
  await owner.connect();
  try {
    // The tables FORCE row-level security, so even their owner writes as the organisation.
    await owner.query("BEGIN");
    await owner.query("SELECT set_config('app.org_id', $1, true), set_config('app.user_id', 'bench-user-1', true)", [
      ORG,
    ]);
    await owner.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('bench-user-1', 'bench@bench.example', 'Bench', 'x', now()) ON CONFLICT (id) DO NOTHING`,
    );
    await owner.query(
      `INSERT INTO "Membership" (id, "organizationId", "userId", role, "updatedAt") VALUES ('bench-membership-1', $1, 'bench-user-1', 'VIEWER', now()) ON CONFLICT (id) DO NOTHING`,
      [ORG],
    );
    await owner.query(
      `INSERT INTO "AuthSession" (id, "userId", "expiresAt") VALUES ($1, 'bench-user-1', now() + interval '1 day') ON CONFLICT (id) DO NOTHING`,
      [SESSION],
    );
    await owner.query("COMMIT");
  } finally {
    await owner.end();
  }
}

function serve(): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const url = `http://127.0.0.1:${PORT}${req.url}`;
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(url, { method: req.method, headers: req.headers as Record<string, string> }),
      router: appRouter,
      // As the route handler: the session row (and its user) on every request.
      createContext: async () => createContext({ user: await resolveAuthSession(SESSION), ip: "127.0.0.1" }),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(PORT, "127.0.0.1", () => resolve(server)));
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
function get(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path, agent }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () =>
          res.statusCode === 200 ? resolve(body) : reject(new Error(`${res.statusCode} ${body.slice(0, 300)}`)),
        );
      })
      .on("error", reject);
  });
}

const input = (calls: unknown[]) =>
  encodeURIComponent(JSON.stringify(Object.fromEntries(calls.map((c, i) => [i, { json: c }]))));
const CURRENT = `/api/trpc/organization.current?batch=1&input=${input([{ orgSlug: ORG }])}`;
const DIRECTORY = `/api/trpc/vendors.directory?batch=1&input=${input([{ orgSlug: ORG }])}`;
const PAGE = `/api/trpc/organization.current,members.list,vendors.directory?batch=1&input=${input([{ orgSlug: ORG }, { orgSlug: ORG }, { orgSlug: ORG }])}`;

async function statementsOf(path: string) {
  const seen: { sql: string; args: readonly unknown[] }[] = [];
  const stop = onStatement((sql, args) => seen.push({ sql, args }));
  await get(path);
  stop();
  return seen;
}

async function throughput(path: string): Promise<number> {
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (performance.now() < until) {
        await get(path);
        done++;
      }
    }),
  );
  return done / SECONDS;
}

async function latencies(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS + 10; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 10) times.push(performance.now() - t0);
  }
  return times;
}

async function main() {
  if (!values["no-load"]) await prepareBenchDatabase({ vendors: 5000, inspections: 50000, seed: 1 });
  await seedBenchUser();
  const handle = createDb({ kind: "postgres", url: BENCH_URL });
  await handle.ready;
  setDbForTests(handle);
  const server = await serve();
  try {
    for (let i = 0; i < 50; i++) await get(CURRENT); // warm-up
    const current = await statementsOf(CURRENT);
    const page = await statementsOf(PAGE);
    console.log(
      `organization.current: ${current.length} statements (${current.filter((s) => /^BEGIN/.test(s.sql)).length} transactions)`,
    );
    console.log(current.map((s) => `  ${s.sql.replace(/\s+/g, " ").slice(0, 110)}`).join("\n"));
    console.log(
      `page batch (current + members.list + directory): ${page.length} statements, ${page.filter((s) => /^BEGIN/.test(s.sql)).length} transactions`,
    );
    console.log(`organization.current over HTTP, 10 in flight: ${(await throughput(CURRENT)).toFixed(0)} req/s`);
    // Node CPU per request (server and the bench's own client, same process): less at the
    // mercy of other processes on a shared machine than req/s.
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < 300; i++) await get(CURRENT);
    const cpu = process.cpuUsage(cpu0);
    console.log(`organization.current Node CPU: ${((cpu.user + cpu.system) / 1000 / 300).toFixed(2)} ms per request`);

    const pageTimes = await latencies(() => get(PAGE));
    console.log(
      `page batch over HTTP: p50 ${pct(pageTimes, 50).toFixed(1)} ms, p95 ${pct(pageTimes, 95).toFixed(1)} ms`,
    );

    // The directory's statements, replayed on one raw connection exactly as sent.
    for (let i = 0; i < 20; i++) await get(DIRECTORY);
    const replay = (await statementsOf(DIRECTORY)).filter((s) => !/^(BEGIN|COMMIT)$/.test(s.sql));
    const pool = new pg.Pool({ connectionString: BENCH_URL, max: 10 });
    const raw = async () => {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        for (const s of replay) await c.query(s.sql, s.args as unknown[]);
        await c.query("COMMIT");
      } finally {
        c.release();
      }
    };
    for (let i = 0; i < 20; i++) await raw();
    const httpTimes = await latencies(() => get(DIRECTORY));
    const rawTimes = await latencies(raw);
    await pool.end();
    const h95 = pct(httpTimes, 95);
    const r95 = pct(rawTimes, 95);
    console.log(
      `directory (default page) over HTTP: p50 ${pct(httpTimes, 50).toFixed(1)} ms, p95 ${h95.toFixed(1)} ms`,
    );
    console.log(
      `same ${replay.length} statements + BEGIN/COMMIT with raw pg: p50 ${pct(rawTimes, 50).toFixed(1)} ms, p95 ${r95.toFixed(1)} ms`,
    );
    console.log(`ratio at p95: ${(h95 / r95).toFixed(2)}x`);
  } finally {
    server.close();
    agent.destroy();
    await handle.prisma.$disconnect();
  }
}

await main();
