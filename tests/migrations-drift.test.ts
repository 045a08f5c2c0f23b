import { describe, expect, it } from "vitest";
import { checkDrift } from "@/server/db/migrate";

// schema.prisma and prisma/migrations must describe the same database: a model change
// without `npm run db:migration -- NAME` (or a hand edit of a migration) fails here.
describe("migrations", () => {
  it("match schema.prisma (no drift)", async () => {
    const result = await checkDrift();
    expect(result.sql).toBe("");
    expect(result.drift).toBe(false);
  }, 120_000);
});
