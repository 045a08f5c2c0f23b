#!/usr/bin/env node
// First-load JavaScript per route of the last production build (`next build`), gzip-compressed
// as a browser receives it: the framework's root chunks plus every chunk that the route's
// layouts, page, error and not-found boundaries load before the page can hydrate. Chunks loaded
// later with `import()` (charts, dialogs, workers) are not counted. Polyfills are left out: modern
// browsers skip them (`nomodule`).
//   node bench/first-load-js.mjs            table, largest first
//   node bench/first-load-js.mjs --check    also exits 1 when a route is over its budget: 200 KB, or
//     for the routes still above it, the figure in bench/first-load-allowances.json (plus 2 KB of
//     build-to-build noise), so none grows while they are brought down. `npm test` runs this.
//   node bench/first-load-js.mjs --json     machine-readable
//   node bench/first-load-js.mjs --by-module=/route   what a route's first load is made of, by
//     package or source folder (needs a build with source maps: `ANALYZE=1 npx next build`)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export const BUDGET_KB = 200;
const root = path.resolve(process.argv.find((a) => a.startsWith("--dir="))?.slice(6) ?? ".next");
const gz = new Map();
function gzipKb(file) {
  if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(path.join(root, file)), { level: 9 }).length / 1024);
  return gz.get(file);
}

function manifests(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...manifests(p));
    else if (entry.name === "page_client-reference-manifest.js") out.push(p);
  }
  return out;
}

function routeOf(file) {
  const rel = path.relative(path.join(root, "server/app"), path.dirname(file));
  const route =
    "/" +
    rel
      .split(path.sep)
      .filter((s) => !/^\(.*\)$/.test(s))
      .join("/");
  return route === "/" ? "/" : route.replace(/\/$/, "");
}

const build = JSON.parse(fs.readFileSync(path.join(root, "build-manifest.json"), "utf8"));
const rootFiles = build.rootMainFiles ?? [];
const rows = [];
for (const file of manifests(path.join(root, "server/app"))) {
  const route = routeOf(file);
  if (route.startsWith("/_")) continue;
  const text = fs.readFileSync(file, "utf8");
  const json = JSON.parse(text.slice(text.indexOf("= {") + 2).replace(/;\s*$/, ""));
  const files = new Set(rootFiles);
  for (const list of Object.values(json.entryJSFiles ?? {})) for (const f of list) files.add(f);
  const kb = [...files].reduce((sum, f) => sum + gzipKb(f), 0);
  rows.push({ route, kb: Math.round(kb * 10) / 10, chunks: files.size, files: [...files] });
}
rows.sort((a, b) => b.kb - a.kb);
const framework = rootFiles.reduce((s, f) => s + gzipKb(f), 0);

const byModule = process.argv.find((a) => a.startsWith("--by-module="))?.slice(12);
if (byModule) {
  const row = rows.find((r) => r.route === byModule);
  if (!row) throw new Error(`No route ${byModule}`);
  console.log(await attribute(row.files));
} else if (process.argv.includes("--json")) {
  console.log(
    JSON.stringify(
      {
        frameworkKb: framework,
        budgetKb: BUDGET_KB,
        routes: rows.map((r) => ({ route: r.route, kb: r.kb, chunks: r.chunks })),
      },
      null,
      2,
    ),
  );
} else {
  console.log(`Framework (root chunks): ${framework.toFixed(1)} KB gzip; budget per route ${BUDGET_KB} KB\n`);
  for (const r of rows)
    console.log(`${r.kb > BUDGET_KB ? "OVER" : "  ok"}  ${r.kb.toFixed(1).padStart(6)} KB  ${r.route}`);
}
if (process.argv.includes("--check")) {
  const allowancesFile = path.join(path.dirname(new URL(import.meta.url).pathname), "first-load-allowances.json");
  const allowances = JSON.parse(fs.readFileSync(allowancesFile, "utf8")).routes;
  const limit = (route) => (route in allowances ? allowances[route] + 2 : BUDGET_KB);
  const over = rows.filter((r) => r.kb > limit(r.route));
  for (const r of over) console.error(`Over budget: ${r.route} ${r.kb} KB gzip (limit ${limit(r.route)} KB)`);
  const fixed = Object.keys(allowances).filter((route) => (rows.find((r) => r.route === route)?.kb ?? 0) <= BUDGET_KB);
  for (const route of fixed) console.log(`Now within ${BUDGET_KB} KB: ${route} (remove it from ${allowancesFile})`);
  if (over.length) process.exitCode = 1;
  else console.log(`First-load JS: every route within its budget (${rows.length} routes).`);
}

// Splits each chunk's gzip size among the sources its source map says its bytes come from
// (a chunk's compression ratio is applied to all of its sources alike: an estimate).
async function attribute(files) {
  const { decode } = await import("@jridgewell/sourcemap-codec");
  const totals = new Map();
  for (const file of files) {
    const code = fs.readFileSync(path.join(root, file), "utf8");
    const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
    const mapFile = mapName && path.join(root, path.dirname(file), mapName);
    if (!mapFile || !fs.existsSync(mapFile)) {
      totals.set("(no source map: framework)", (totals.get("(no source map: framework)") ?? 0) + gzipKb(file));
      continue;
    }
    const map = JSON.parse(fs.readFileSync(mapFile, "utf8"));
    const sections = map.sections ?? [{ offset: { line: 0, column: 0 }, map }];
    const lines = code.split("\n");
    const ratio = gzipKb(file) / Math.max(1, Buffer.byteLength(code));
    for (const { offset, map: m } of sections) {
      decode(m.mappings).forEach((segments, i) => {
        const line = lines[i + offset.line] ?? "";
        segments.forEach((seg, j) => {
          const end = segments[j + 1]?.[0] ?? line.length;
          const src = seg.length > 1 ? group(m.sources[seg[1]]) : "(unmapped)";
          totals.set(src, (totals.get(src) ?? 0) + (end - seg[0]) * ratio);
        });
      });
    }
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .filter(([, kb]) => kb >= 0.5)
    .map(([src, kb]) => `${kb.toFixed(1).padStart(6)} KB  ${src}`)
    .join("\n");
}

function group(source) {
  const s = source.replace(/^.*?\[project\]\//, "").replace(/^turbopack:\/\/\/?/, "");
  const nm = s.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = s.slice(nm + 13).split("/");
    return parts[0].startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  }
  return process.argv.includes("--files") ? s : s.split("/").slice(0, 3).join("/");
}
