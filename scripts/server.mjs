#!/usr/bin/env node
// The production HTTP server (`npm start` runs it after build, migrate and seed): Next.js
// behind a plain node:http server, so the application can know the TCP peer's address.
// `next start` only puts the peer into X-Forwarded-For when the client sent no such
// header, so behind it a client could claim any address. Here every request carries the
// peer in x-cdmo-peer-addr, overwriting whatever the client sent; src/server/http/client-ip.ts
// reads it and trusts X-Forwarded-For only from TRUSTED_PROXIES.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drainOnSignal } from "./graceful-shutdown.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 3000);
// Loopback unless HOST says otherwise: a demo started on a laptop is not reachable from the network.
const host = process.env.HOST?.trim() || "127.0.0.1";
process.env.HOST = host;

process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers["x-cdmo-peer-addr"] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.listen(port, host, () => {
  const shown = host.includes(":") ? `[${host}]` : host;
  console.log(`▲ Ready: listening on http://${shown}:${port}`);
});
// SIGTERM/SIGINT: answer what is in hand, let running jobs finish, close the database (graceful-shutdown.mjs).
drainOnSignal(server, {
  stopJobs: () => globalThis.__cdmoStopJobs?.() ?? Promise.resolve(),
  closeDb: () => globalThis.__cdmoCloseDb?.() ?? Promise.resolve(),
  log: (m) => console.log(m),
});
