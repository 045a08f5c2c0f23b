import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteExecutor } from "./job-queue";

// pg-boss shares the embedded database's one connection with the app, so a pg-boss script
// that fails half-way must not leave that connection inside an aborted transaction.
let pg: PGlite;
// Starting PGlite takes seconds on a loaded machine: more than the unit project's default.
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec("CREATE TABLE t (x int)");
}, 60_000);
afterAll(async () => pg?.close());

describe("pgliteExecutor", { timeout: 60_000 }, () => {
  it("runs pg-boss's BEGIN ... COMMIT scripts whole, and rolls a failed one back", async () => {
    const x = pgliteExecutor(pg);
    await x.executeSql("BEGIN; SET LOCAL lock_timeout = '30s'; INSERT INTO t VALUES (1); COMMIT;");
    await expect(x.executeSql("BEGIN; INSERT INTO t VALUES (2); SELECT 1/0; COMMIT;")).rejects.toThrow(
      /division by zero/,
    );
    // The connection is usable by the next caller, and the failed script left nothing.
    expect((await pg.query<{ x: number }>("SELECT x FROM t ORDER BY x")).rows).toEqual([{ x: 1 }]);
  });

  it("passes parameters, JSON payloads as text, and returns a script's last rows", async () => {
    const x = pgliteExecutor(pg);
    expect((await x.executeSql("SELECT $1::jsonb->>'a' AS a, $2::int AS n", [{ a: "b" }, 7])).rows).toEqual([
      { a: "b", n: 7 },
    ]);
    expect((await x.executeSql("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});
