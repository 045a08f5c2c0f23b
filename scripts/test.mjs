#!/usr/bin/env node
// `npm test`: the whole suite, in order of speed. Type-check and lint, unit tests,
// integration tests on PGlite (and again on PostgreSQL when TEST_DATABASE_URL is set),
// then the browser journeys. Ends with one summary line: "Summary: N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "test-results");
fs.mkdirSync(out, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;
const failures = [];

function step(label, cmd, args, env = {}, report) {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  if (report && fs.existsSync(report)) {
    const counts = readCounts(report);
    passed += counts.passed;
    failed += counts.failed;
    fs.rmSync(report);
  } else if (!report) {
    if (ok) passed++;
    else failed++;
  }
  if (!ok) {
    failures.push(label);
    if (report && !fs.existsSync(report)) failed++;
  }
  console.log(`━━ ${label}: ${ok ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function readCounts(file) {
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  if ("numPassedTests" in j) return { passed: j.numPassedTests, failed: j.numFailedTests };
  // Playwright's JSON reporter
  const s = j.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0 };
}

const only = process.argv[2]; // optional: unit | integration | e2e | static
const want = (k) => !only || only === k;

if (want("static")) {
  step("Type-check", bin("tsc"), ["--noEmit"]);
  step("Lint", bin("eslint"), [".", "--max-warnings=0"]);
  step("Format (Prettier)", bin("prettier"), ["--check", "--log-level=warn", "."]);
}
const vitest = (project, file) => [
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${file}`,
];
if (want("unit")) {
  const f = path.join(out, "unit.json");
  step("Unit tests", bin("vitest"), vitest("unit", f), {}, f);
}
if (want("integration")) {
  const f = path.join(out, "integration-pglite.json");
  step("Integration tests on PGlite", bin("vitest"), vitest("integration", f), { TEST_DB: "pglite" }, f);
  if (process.env.TEST_DATABASE_URL) {
    const g = path.join(out, "integration-postgres.json");
    step("Integration tests on PostgreSQL", bin("vitest"), vitest("integration", g), { TEST_DB: "postgres" }, g);
  } else {
    console.log("\n(TEST_DATABASE_URL is not set: integration tests ran on PGlite only. .ci/run sets it.)");
  }
}
if (want("e2e")) {
  const f = path.join(out, "e2e.json");
  step(
    "Browser journeys (Playwright)",
    bin("playwright"),
    ["test", "--reporter=list,json"],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: f },
    f,
  );
}

if (want("e2e")) {
  // The journeys' production build is still in .next: check every route's first-load JS.
  step("First-load JS budget", process.execPath, ["bench/first-load-js.mjs", "--check"]);
}

console.log(`\n${failures.length ? `Failed steps: ${failures.join(", ")}` : "All steps passed."}`);
console.log(`Summary: ${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
