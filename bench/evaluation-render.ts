/**
 * The results page of a large evaluation in a real browser: `npm run bench:evaluation`
 * `[--moves 60] [--port 3210]`
 *
 * Loads bench/generate-evaluation.ts's dataset (30 vendors x 40 sub-criteria x 8 evaluators =
 * 9,600 scores) into the bench database, starts the app on it (scripts/start.mjs, production
 * build), signs in as the lead in Chromium at 1366x900 and opens the results. Then:
 * - first load: time from navigation to the ranking's 30 rows, and the JavaScript the page
 *   downloaded (gzip, as served) for each of the four evaluation pages;
 * - a slider move: sets the Capability slider to a new value and dispatches the input event, then
 *   waits for the next frame to be painted (requestAnimationFrame, then a message-channel task,
 *   which runs after the paint). That interval holds the re-rank, React's render of the page,
 *   style, layout and paint: what a person waits for. Also counts the long tasks (> 50 ms)
 *   Chromium reports meanwhile.
 * Prints a Markdown table.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/browser";
import { OWNER_ROLE, withUser } from "../src/server/db/config";
import { BENCH_URL } from "./generate-directory";
import { EVAL_BENCH, loadEvaluationBench } from "./generate-evaluation";

const { values } = parseArgs({ options: { moves: { type: "string" }, port: { type: "string" } } });
const MOVES = Number(values.moves ?? 60);
const PORT = Number(values.port ?? 3210);
const base = `http://localhost:${PORT}`;

const loaded = await loadEvaluationBench();
console.log(`Loaded ${loaded.scores} scores in ${(loaded.ms / 1000).toFixed(1)} s`);

const server = spawn(process.execPath, ["scripts/start.mjs"], {
  env: {
    ...process.env,
    PORT: String(PORT),
    DATABASE_URL: BENCH_URL,
    MIGRATION_DATABASE_URL: process.env.BENCH_MIGRATION_DATABASE_URL ?? withUser(BENCH_URL, OWNER_ROLE),
    NEXTAUTH_URL: base,
    SMTP_URL: "",
  },
  stdio: ["ignore", "pipe", "inherit"],
  detached: true,
});
await new Promise<void>((resolve, reject) => {
  server.stdout!.on("data", (d) => /CDMO Select is running/.test(String(d)) && resolve());
  server.on("exit", (code) => reject(new Error(`the app exited (${code}) before it was ready`)));
});

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

const browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("E-mail").fill(EVAL_BENCH.lead);
  await page.getByLabel("Password", { exact: true }).fill(EVAL_BENCH.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));

  const evaluation = `${base}/${EVAL_BENCH.org}/rfps/${EVAL_BENCH.rfp}/evaluation`;
  const jsKb: Record<string, number> = {};
  // First-load JavaScript as Next counts it: the scripts the page's HTML references (chunks loaded
  // later on demand, such as the charts, are not in it), each gzipped as a server would send it.
  const pages: [string, string][] = [
    ["results", evaluation],
    ["score", `${evaluation}/score`],
    ["consensus", `${evaluation}/consensus`],
    ["criteria and weights", `${evaluation}/setup`],
    ["programmes list (for reference)", `${base}/${EVAL_BENCH.org}/programmes`],
  ];
  for (const [name, url] of pages) {
    const html = await (await page.request.get(url)).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
    let bytes = 0;
    for (const src of srcs) bytes += gzipSync(await (await page.request.get(new URL(src, base).href)).body()).length;
    jsKb[name] = Math.round(bytes / 1024);
  }

  const t0 = Date.now();
  await page.goto(evaluation);
  await page
    .locator('[data-testid="ranking"] tbody tr')
    .nth(EVAL_BENCH.vendors - 1)
    .waitFor();
  const firstLoadMs = Date.now() - t0;

  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  const moves = (await page.evaluate(`(async (n) => {
    const slider = document.getElementById("w-c1");
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    let longTasks = 0;
    new PerformanceObserver((l) => (longTasks += l.getEntries().length)).observe({ type: "longtask" });
    const painted = () => new Promise((r) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(0);
    }));
    const times = [];
    const script = [];
    // The frame pipeline alone (no change but one attribute), to tell it from the page's own work.
    const baseline = [];
    for (let i = 0; i < 20; i++) {
      await painted();
      const t = performance.now();
      document.body.dataset.benchTick = String(i);
      await painted();
      baseline.push(performance.now() - t);
    }
    for (let i = 0; i < n; i++) {
      await painted();
      const t = performance.now();
      setValue.call(slider, String(100 + ((i * 137) % 800)));
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      // React handles the input event synchronously: re-rank, render and commit are done here.
      script.push(performance.now() - t);
      await painted();
      times.push(performance.now() - t);
    }
    return { times, script, baseline, longTasks };
  })(${MOVES})`)) as { times: number[]; script: number[]; baseline: number[]; longTasks: number };

  console.log(`\n| measure | value |\n|---|---:|`);
  console.log(`| results page, navigation to 30 ranked rows | ${firstLoadMs} ms |`);
  for (const [k, v] of Object.entries(jsKb)) console.log(`| first-load JavaScript, ${k} | ${v} KB gzip |`);
  console.log(
    `| slider move, script (re-rank, React render and commit), p50 | ${pct(moves.script, 50).toFixed(1)} ms |`,
  );
  console.log(`| slider move, script, p95 | ${pct(moves.script, 95).toFixed(1)} ms |`);
  console.log(`| slider move to painted frame, p50 | ${pct(moves.times, 50).toFixed(1)} ms |`);
  console.log(`| slider move to painted frame, p95 | ${pct(moves.times, 95).toFixed(1)} ms |`);
  console.log(`| slider move to painted frame, max | ${Math.max(...moves.times).toFixed(1)} ms |`);
  console.log(`| a frame with no change (the pipeline alone), p50 | ${pct(moves.baseline, 50).toFixed(1)} ms |`);
  console.log(`| long tasks (> 50 ms) during ${MOVES} moves | ${moves.longTasks} |`);
} finally {
  await browser.close();
  process.kill(-server.pid!, "SIGTERM");
}
