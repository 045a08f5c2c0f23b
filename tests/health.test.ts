import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createTestDb, testDbKind, type TestDb } from "./helpers/test-db";

// /api/health on a freshly migrated database, as the app role: the database answers, every
// shipped migration is applied, and this process runs no job runner (JOBS off, as under test).

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

describe(`/api/health (${testDbKind()})`, () => {
  it("is 200 with every check passing on a migrated database", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.checks.database).toMatchObject({ ok: true });
    expect(body.checks.migrations.ok).toBe(true);
    expect(body.checks.migrations.detail).toMatch(/^\d+ applied$/);
    expect(Number(body.checks.migrations.detail.split(" ")[0])).toBeGreaterThan(10);
    expect(body.checks.jobs).toEqual({ ok: true, detail: "off in this process (JOBS=off)" });
  });

  it("is 503 while the instance drains, so a balancer stops sending it requests", async () => {
    (globalThis as { __cdmoDraining?: boolean }).__cdmoDraining = true;
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect((await res.json()).status).toBe("draining");
    } finally {
      (globalThis as { __cdmoDraining?: boolean }).__cdmoDraining = false;
    }
  });
});
