#!/usr/bin/env node
// Runs `prisma generate` offline (used by `postinstall` and `npm run prisma:generate`).
//
// The Prisma 7 CLI tries to download its native schema engine on every command,
// `generate` included, and that download fails on machines that only reach the npm
// registry. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing executable stops the
// download; `generate` itself never runs that engine (the client generator is pure JS
// plus a wasm query compiler shipped inside the `prisma` package).
//
// Usage: node scripts/prisma-generate.mjs [extra `prisma generate` args, e.g. --schema x]
// Exits 0 with a message when there is no schema yet, or when the `prisma` CLI is not
// installed (e.g. `npm ci --omit=dev`), so `npm ci` never fails because of this step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);

/** Env vars that keep the CLI offline and quiet; explicit settings from the caller win. */
const offlineEnv = {
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

function schemaLocation() {
  const i = args.findIndex((a) => a === "--schema" || a.startsWith("--schema="));
  if (i >= 0) {
    const value = args[i].includes("=") ? args[i].slice("--schema=".length) : args[i + 1];
    return value ? path.resolve(root, value) : null;
  }
  const dir = path.join(root, "prisma", "schema");
  if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) {
    return fs.readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(".prisma")) ? dir : null;
  }
  const file = path.join(root, "prisma", "schema.prisma");
  return fs.existsSync(file) ? file : null;
}

const schema = schemaLocation();
if (!schema) {
  console.log(
    "prisma-generate: no Prisma schema yet (prisma/schema.prisma or prisma/schema/*.prisma); skipping `prisma generate`.",
  );
  process.exit(0);
}
if (!fs.existsSync(schema)) {
  console.log(`prisma-generate: schema ${path.relative(root, schema)} does not exist; skipping \`prisma generate\`.`);
  process.exit(0);
}

let cli;
try {
  const require = createRequire(path.join(root, "package.json"));
  cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
} catch {
  console.warn(
    "prisma-generate: the `prisma` CLI is not installed (dev dependencies omitted?); skipping `prisma generate`.",
  );
  process.exit(0);
}

const env = { ...process.env };
for (const [k, v] of Object.entries(offlineEnv)) if (!env[k]) env[k] = v;

const result = spawnSync(process.execPath, [cli, "generate", ...args], { cwd: root, env, stdio: "inherit" });
if (result.error) {
  console.error("prisma-generate: could not start the Prisma CLI:", result.error.message);
  process.exit(1);
}
process.exit(result.status ?? 1);
