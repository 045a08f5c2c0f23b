import { describe, expect, it, vi } from "vitest";
import { dailySweep } from "./quality-schedule";

const result = { organizations: 0, vendors: 0, views: 0 };

describe("dailySweep", () => {
  it("sweeps once per day however often it ticks, and again on the next day", async () => {
    let day = "2026-11-25";
    const sweep = vi.fn(async () => result);
    const tick = dailySweep(sweep, () => day);
    await tick();
    await tick();
    await tick();
    expect(sweep.mock.calls).toEqual([["2026-11-25"]]);
    day = "2026-11-26";
    await tick();
    await tick();
    expect(sweep.mock.calls).toEqual([["2026-11-25"], ["2026-11-26"]]);
  });

  it("retries after a failure, and never runs two sweeps at once", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    let release!: () => void;
    const sweep = vi
      .fn<(day: string) => Promise<typeof result>>()
      .mockRejectedValueOnce(new Error("database down"))
      .mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(result))));
    const tick = dailySweep(sweep, () => "2026-11-25");
    expect(await tick()).toBeNull();
    const slow = tick();
    expect(await tick()).toBeNull(); // the second tick finds the first still running
    release();
    expect(await slow).toEqual(result);
    expect(sweep).toHaveBeenCalledTimes(2);
  });
});
