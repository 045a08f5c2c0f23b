#!/usr/bin/env node
// `npm start`: build if needed, migrate, seed the demo on first start, serve.
// Everything runs in sequence in child processes, because the embedded PGlite database
// can be opened by one process at a time.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3000";
const dataDir = path.join(root, ".data");
fs.mkdirSync(dataDir, { recursive: true });

const env = { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
// A stable secret for signing session cookies, kept beside the embedded database.
if (!env.NEXTAUTH_SECRET) {
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
env.NEXTAUTH_URL ??= `http://localhost:${port}`;
// Served on loopback only, unless HOST names another interface (e.g. HOST=0.0.0.0 in a container).
env.HOST = env.HOST?.trim() || "127.0.0.1";
const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(env.HOST);
// Without SMTP, e-mail lands in the outbox; the local demo shows it at /dev/outbox, to
// loopback clients of a loopback-bound server only (src/server/email/outbox-access.ts).
if (!env.SMTP_URL && loopback) env.ENABLE_DEV_OUTBOX ??= "1";

function run(label, cmd, args) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

/** Newest modification time under the given paths (files only). */
function newest(paths) {
  let t = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith("generated")) return;
      for (const f of fs.readdirSync(p)) walk(path.join(p, f));
    } else t = Math.max(t, st.mtimeMs);
  };
  paths.forEach((p) => walk(path.join(root, p)));
  return t;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const stale =
  !fs.existsSync(buildId) ||
  newest(["src", "next.config.mjs", "package-lock.json", "postcss.config.mjs"]) > fs.statSync(buildId).mtimeMs;
if (stale || process.env.FORCE_BUILD === "1")
  run("Building the app (first start or sources changed)", process.execPath, [
    path.join(root, "node_modules/next/dist/bin/next"),
    "build",
  ]);
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
// On PostgreSQL this needs MIGRATION_DATABASE_URL (the owner role); the server itself uses DATABASE_URL (cdmo_app).
run("Applying database migrations", process.execPath, [tsx, "scripts/db-migrate.ts"]);
run("Seeding demo data (first start only)", process.execPath, [tsx, "prisma/seed/index.ts"]);

const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
  cwd: root,
  env: { ...env, NODE_ENV: "production" },
  stdio: ["inherit", "pipe", "inherit"],
});
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /ready|started server|Local:/i.test(String(chunk))) {
    announced = true;
    const { DEMO_USERS, DEMO_PASSWORD } = demoAccounts();
    console.log(`\n  CDMO Select is running at http://localhost:${port}\n`);
    console.log(`  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS)
      console.log(
        `    ${u.email.padEnd(38)} ${u.org === "sponsor" ? "Helix Therapeutics (sponsor)" : `${ORG_NAMES[u.org] ?? "Northbridge Biologics"} (CDMO)`}, ${u.role}`,
      );
    if (env.ENABLE_DEV_OUTBOX === "1" && !env.SMTP_URL)
      console.log(`\n  E-mail goes to the outbox at http://localhost:${port}/dev/outbox (this machine only).\n`);
    else if (!env.SMTP_URL)
      console.log(`\n  SMTP_URL is not set and /dev/outbox is off: e-mail stays in the EmailOutbox table.\n`);
  }
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));

let ORG_NAMES = {};

// Read the demo accounts from the seed's source, without a TypeScript loader.
function demoAccounts() {
  const src = fs.readFileSync(path.join(root, "prisma/seed/demo-accounts.ts"), "utf8");
  const DEMO_PASSWORD = /DEMO_PASSWORD = "([^"]+)"/.exec(src)?.[1] ?? "?";
  const DEMO_USERS = [...src.matchAll(/email: "([^"]+)", name: "[^"]+", org: "(\w+)", role: "(\w+)"/g)].map((m) => ({
    email: m[1],
    org: m[2],
    role: m[3],
  }));
  // The other CDMOs' names, from the BIDDER_VENDORS map (key: "Name").
  const bidders = src.slice(src.indexOf("BIDDER_VENDORS"));
  ORG_NAMES = Object.fromEntries([...bidders.matchAll(/^\s+(\w+): "([^"]+)",$/gm)].map((m) => [m[1], m[2]]));
  return { DEMO_USERS, DEMO_PASSWORD };
}
