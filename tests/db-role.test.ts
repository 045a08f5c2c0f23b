import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/server/db/client";
import { createTestDb, testDbKind, type TestDb } from "./helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

describe(`database role (${testDbKind()})`, () => {
  it("the application runs as an ordinary role, not a superuser and without BYPASSRLS", async () => {
    const db = await getDb();
    const [me] = await db.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean }[]>`
      SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(me).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it("refuses to start as a superuser", async () => {
    if (testDbKind() === "postgres") {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.username = "postgres";
      const handle = createDb({ kind: "postgres", url: url.toString() });
      await expect(handle.ready).rejects.toThrow(/Refusing to start/);
      await handle.prisma.$disconnect();
    } else {
      // PGlite's own connection is a superuser; the client must have switched away from it.
      const [row] = await (await getDb()).$queryRaw<{ u: string }[]>`SELECT current_user AS u`;
      expect(row!.u).toBe("cdmo_app");
    }
  });
});
