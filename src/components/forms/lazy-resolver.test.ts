import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { lazyZodResolver } from "./lazy-resolver";

const Z = z.object({ name: z.string().min(2, "Too short."), age: z.coerce.number().int() });
const opts = { fields: {}, shouldUseNativeValidation: false } as never;

describe("lazyZodResolver", () => {
  it("loads the schema at the first validation, once, and validates like zodResolver", async () => {
    const load = vi.fn(async () => Z);
    const resolver = lazyZodResolver(load);
    expect(load).not.toHaveBeenCalled();

    const bad = await resolver({ name: "a", age: "3" } as never, undefined, opts);
    expect(bad.errors.name?.message).toBe("Too short.");
    const good = await resolver({ name: "Ada", age: "36" } as never, undefined, opts);
    expect(good.values).toEqual({ name: "Ada", age: 36 });
    expect(load).toHaveBeenCalledTimes(1);
  });
});
