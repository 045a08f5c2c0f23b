// How the production server (scripts/server.mjs) stops on SIGTERM or SIGINT, so a deploy or a
// scale-down loses no request: first /api/health turns 503 ("draining") and the listening socket
// closes, so no new connection arrives; requests already received are answered; keep-alive
// connections are closed as soon as they are idle; the job runner stops (running jobs get up to
// 20 s, see src/server/jobs/runner.ts); last the database pool and the embedded database close.
// After `timeoutMs` whatever is still open is cut and the exit code says so.

/**
 * Drain `server`. Resolves `true` when everything finished in time, `false` when the deadline cut it.
 * @param {import("node:http").Server} server
 * @param {{ stopJobs?: () => Promise<void>, closeDb?: () => Promise<void>, timeoutMs?: number, log?: (m: string) => void }} [o]
 */
export async function drain(server, o = {}) {
  const { stopJobs = async () => {}, closeDb = async () => {}, timeoutMs = 25_000, log = () => {} } = o;
  globalThis.__cdmoDraining = true;
  const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
  // A keep-alive connection that has just been answered would otherwise wait for its client.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer;
  const deadline = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const finished = Promise.all([closed, stopJobs().catch(() => {})]).then(() => "done");
  const outcome = await Promise.race([finished, deadline]);
  clearInterval(idleSweep);
  clearTimeout(timer);
  if (outcome === "timeout") {
    log(`Shutdown: still busy after ${timeoutMs} ms; closing the remaining connections.`);
    server.closeAllConnections();
  }
  await closeDb().catch(() => {});
  return outcome === "done";
}

/**
 * Drain on the first SIGTERM/SIGINT and exit (0 when drained in time, 1 otherwise); a second
 * signal exits at once.
 */
export function drainOnSignal(server, o = {}) {
  let draining = false;
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      if (draining) process.exit(1);
      draining = true;
      o.log?.(`${sig}: finishing the requests and jobs in hand, then stopping.`);
      void drain(server, o).then((ok) => process.exit(ok ? 0 : 1));
    });
  }
}
