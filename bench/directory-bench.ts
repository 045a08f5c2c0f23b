/**
 * Directory latency on PostgreSQL: `npx tsx bench/directory-bench.ts [--no-load] [--iterations 200]`
 *
 * Loads the generated dataset (bench/generate-directory.ts: 5,000 vendors, 50,000
 * inspections) into BENCH_DATABASE_URL, then times `listDirectory` - the function the
 * `vendors.directory` procedure calls - inside `withTenant` as a sponsor, connected as the
 * non-superuser app role (so row-level security applies), for realistic filter combinations.
 * Prints p50 / p95 / max per case in milliseconds, as a Markdown table, then times one daily
 * quality refresh of the whole dataset.
 */
import { parseArgs } from "node:util";
import { createDb } from "../src/server/db/client";
import { withTenant } from "../src/server/db/tenant";
import { listDirectory } from "../src/server/vendors/directory";
import { refreshAgedQuality } from "../src/server/vendors/quality-aging";
import { ZDirectoryInput, type TDirectoryInputIn } from "../src/server/vendors/schemas";
import { BENCH_SPONSORS, BENCH_URL, prepareBenchDatabase } from "./generate-directory";

export const DIRECTORY_CASES: [string, TDirectoryInputIn][] = [
  ["default: name asc, page 1", {}],
  ["text search 'kestrel'", { q: "kestrel" }],
  ["text prefix 'meri bio'", { q: "meri bio" }],
  ["stage + modality (FILL|LYO, MAB)", { stages: ["FILL", "LYO"], modalities: ["MAB"] }],
  ["region + quality 60-95 (EU|UK)", { regions: ["EU", "UK"], qualityMin: 60, qualityMax: 95 }],
  ["open warning letter", { hasOpenWarningLetter: true }],
  ["sort by quality desc", { sort: "qualityScore", dir: "desc" }],
  ["page 10 (name asc)", { page: 10 }],
  ["countries DE|JP|US, sort country", { countries: ["DE", "JP", "US"], sort: "country" }],
  [
    "DS_COMM + COMMERCIAL + >=5000 L, last inspection desc",
    {
      stages: ["DS_COMM"],
      scaleTiers: ["COMMERCIAL"],
      minBioreactorLitres: 5000,
      sort: "lastInspectionAt",
      dir: "desc",
    },
  ],
  ["tag 'shortlist'", { tags: ["shortlist"] }],
  ["private records, 100 per page", { source: "PRIVATE", pageSize: 100 }],
];

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const { values } = parseArgs({ options: { "no-load": { type: "boolean" }, iterations: { type: "string" } } });
  const iterations = Number(values.iterations ?? 200);
  if (!values["no-load"]) {
    const r = await prepareBenchDatabase({ vendors: 5000, inspections: 50000, seed: 1 });
    console.log(`loaded in ${(r.ms / 1000).toFixed(1)} s`, r.counts);
  }
  const handle = createDb({ kind: "postgres", url: BENCH_URL });
  await handle.ready;
  const db = handle.prisma;
  const org = { id: BENCH_SPONSORS[0]!, kind: "SPONSOR" as const, role: "VIEWER" as const };
  console.log("\n| case | rows matched | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|");
  for (const [label, input] of DIRECTORY_CASES) {
    const parsed = ZDirectoryInput.parse(input);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < iterations + 20; i++) {
      const t0 = performance.now();
      const page = await withTenant(db, { orgId: org.id }, (tx) => listDirectory(tx, org, parsed));
      const ms = performance.now() - t0;
      if (i >= 20) times.push(ms); // warm-up excluded
      total = page.total;
    }
    times.sort((a, b) => a - b);
    console.log(
      `| ${label} | ${total} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${times.at(-1)!.toFixed(1)} |`,
    );
  }
  // The daily quality refresh over the whole dataset: what a new day costs (one tenant
  // transaction per organisation that owns scored vendors). It rewrites the caches, so it
  // runs last; the next run reloads the dataset.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const t0 = performance.now();
  const aged = await refreshAgedQuality(db, tomorrow);
  console.log(`\ndaily quality refresh for ${tomorrow}: ${((performance.now() - t0) / 1000).toFixed(1)} s`, aged);
  await db.$disconnect();
}

await main();
