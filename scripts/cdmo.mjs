#!/usr/bin/env node
// `npm run --silent cdmo -- <command>` (or `node scripts/cdmo.mjs <command>`): runs the `cdmo`
// command (src/cli/cdmo.ts) from a bundle built ahead of time, instead of transpiling the
// TypeScript at every start (which cost 600-800 ms for a few milliseconds of work).
//
// The bundle lives in .cache/cdmo/<build>/, named by .cache/cdmo/current. With it, esbuild's
// list of the source files it was made from, with their sizes and mtimes: if any of them has
// changed or gone, the next call builds a new bundle (about half a second) before running.
// Statting those files costs a few milliseconds; walking all of src/ would cost more. A file
// that is new but imported by nothing bundled cannot change the result, and importing it means
// editing a file on the list. Packages from node_modules load as usual, except zod, which is
// bundled because loading its hundred modules one by one was a third of the start time. Each
// command's module is its own chunk, so a decision command never loads the database code.
// `node scripts/cdmo.mjs --build` only builds (postinstall does it, so the first call is fast).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = path.join(root, ".cache", "cdmo");
const pointer = path.join(cacheDir, "current");

const fingerprint = (file) => {
  const s = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : "gone";
};

/** The current bundle's entry, or null when there is none or one of its sources changed. */
function currentEntry() {
  let dir, sources;
  try {
    dir = path.join(cacheDir, fs.readFileSync(pointer, "utf8").trim());
    sources = Object.entries(JSON.parse(fs.readFileSync(path.join(dir, "inputs.json"), "utf8")));
  } catch {
    return null; // never built, or the cache was cleared
  }
  if (!sources.length || sources.some(([file, print]) => fingerprint(file) !== print)) return null;
  return path.join(dir, "cdmo.mjs");
}

// zod re-exports its 60-odd translations as `locales`, which no bundler can leave out; the app
// writes its own messages (src/server/validation/messages.ts) and zod's default is English, so the
// bundle's `locales` holds English alone: 750 KB less to parse at every start.
const englishOnlyZod = {
  name: "english-only-zod",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: args.importer, namespace: "zod-locales" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), "../locales/en.js"))};`,
      resolveDir: root,
    }));
  },
};

async function build() {
  const esbuild = await import("esbuild").then(
    (m) => m.build,
    () => null,
  );
  if (!esbuild) {
    // `npm ci --omit=dev`: no esbuild, so no cdmo command; the app itself does not need it.
    console.error("cdmo: esbuild is not installed (npm ci without --omit=dev installs it)");
    process.exit(process.argv[2] === "--build" ? 0 : 1);
  }
  const { dependencies = {}, devDependencies = {} } = JSON.parse(
    fs.readFileSync(path.join(root, "package.json"), "utf8"),
  );
  const external = Object.keys({ ...dependencies, ...devDependencies }).filter((p) => p !== "zod");
  const name = `b${Date.now().toString(36)}-${process.pid}`;
  const dir = path.join(cacheDir, name);
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: { cdmo: "src/cli/cdmo.ts" },
    outdir: dir,
    outExtension: { ".js": ".mjs" }, // ESM, in a directory without a package.json to say so
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: external.flatMap((p) => [p, `${p}/*`]),
    tsconfig: path.join(root, "tsconfig.json"),
    plugins: [englishOnlyZod],
    minify: true, // a third less to parse at every start
    keepNames: true,
    metafile: true,
    logLevel: "error",
  });
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/"));
  sources.push("package.json", "tsconfig.json", "scripts/cdmo.mjs");
  fs.writeFileSync(
    path.join(dir, "inputs.json"),
    JSON.stringify(Object.fromEntries(sources.map((f) => [f, fingerprint(f)]))),
  );
  // Point at it in one step (rename replaces the file), so a concurrent call reads the old or the new name.
  fs.writeFileSync(`${pointer}.${process.pid}`, name);
  fs.renameSync(`${pointer}.${process.pid}`, pointer);
  // Bundles an hour old are of sources that changed since; a call still running one is long done.
  for (const old of fs.readdirSync(cacheDir)) {
    const full = path.join(cacheDir, old);
    if (old !== name && old.startsWith("b") && Date.now() - fs.statSync(full).mtimeMs > 3_600_000)
      fs.rmSync(full, { recursive: true, force: true });
  }
  return path.join(dir, "cdmo.mjs");
}

fs.mkdirSync(cacheDir, { recursive: true });
const entry = currentEntry() ?? (await build());
if (process.argv[2] !== "--build") await import(pathToFileURL(entry).href);
