import { describe, expect, it } from "vitest";

describe("zod-no-eval", () => {
  it("leaves zod compiling its parsers outside the browser (the server renders the same provider)", async () => {
    await import("./zod-no-eval");
    const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
    expect(g.__zod_globalConfig?.jitless).not.toBe(true);
  });

  it("turns on zod's jitless mode through the global zod reads its configuration from", async () => {
    const { turnOffZodJit } = await import("./zod-no-eval");
    turnOffZodJit();
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBe(true);
  });
});
