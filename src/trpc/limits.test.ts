import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/trpc/[trpc]/route";
import { MAX_BATCH_SIZE } from "./limits";

// The tRPC route refuses an over-long batch before it builds a context or runs anything.
const batch = (n: number) =>
  new Request(`http://localhost:3000/api/trpc/${Array.from({ length: n }, () => "account.me").join(",")}?batch=1`);

describe("tRPC batch limit", () => {
  it("answers 400 to a batch longer than the browser's link ever sends", async () => {
    const res = await GET(batch(MAX_BATCH_SIZE + 1));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
  });

  it("bounds a batch well below what one URL can carry", () => {
    expect(MAX_BATCH_SIZE).toBeGreaterThanOrEqual(10);
    expect(MAX_BATCH_SIZE).toBeLessThanOrEqual(50);
  });
});
