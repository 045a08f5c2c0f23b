import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { drain } from "./graceful-shutdown.mjs";

// A plain node:http server stands in for the app: a request in hand when the drain starts is
// answered, a connection that comes after is refused, idle keep-alive connections do not hold
// the stop up, jobs and then the database close, and a request that outlives the deadline is cut.

const servers: http.Server[] = [];
afterEach(() => {
  servers.splice(0).forEach((s) => s.closeAllConnections());
  (globalThis as { __cdmoDraining?: boolean }).__cdmoDraining = false;
});

async function serve(delayMs: number): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((_req, res) => setTimeout(() => res.end("answered"), delayMs));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, agent?: http.Agent): Promise<{ status?: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode, body }));
      })
      .on("error", reject);
  });
}

describe("drain", () => {
  it("answers the request in hand, refuses new connections, then stops jobs and closes the database", async () => {
    const { server, port } = await serve(300);
    // An idle keep-alive connection, as a browser or a proxy keeps one.
    const keepAlive = new http.Agent({ keepAlive: true });
    expect((await get(port, keepAlive)).body).toBe("answered");

    const order: string[] = [];
    const inHand = get(port).then((r) => (order.push("answered"), r));
    await new Promise((r) => setTimeout(r, 50)); // the request has reached the server
    const drained = drain(server, {
      stopJobs: async () => void order.push("jobs stopped"),
      closeDb: async () => void order.push("database closed"),
      timeoutMs: 5000,
    });
    expect((globalThis as { __cdmoDraining?: boolean }).__cdmoDraining).toBe(true);
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);

    expect(await inHand).toEqual({ status: 200, body: "answered" });
    const started = Date.now();
    expect(await drained).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000); // the idle keep-alive connection did not hold it up
    expect(order).toEqual(["jobs stopped", "answered", "database closed"]);
    keepAlive.destroy();
  });

  it("cuts what is still running at the deadline and says so", async () => {
    const { server, port } = await serve(10_000);
    const slow = get(port).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    let closedDb = false;
    expect(await drain(server, { timeoutMs: 200, closeDb: async () => void (closedDb = true) })).toBe(false);
    expect(await slow).toBeInstanceOf(Error); // the connection was closed under it
    expect(closedDb).toBe(true);
  });
});
