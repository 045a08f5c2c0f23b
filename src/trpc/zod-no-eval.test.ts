import { describe, expect, it } from "vitest";

describe("zod-no-eval", () => {
  it("turns on zod's jitless mode through the global zod reads its configuration from", async () => {
    await import("./zod-no-eval");
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBe(true);
  });
});
