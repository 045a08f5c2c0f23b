import { describe, expect, it } from "vitest";
import { jobsCheck, migrationsCheck } from "./health";

describe("health checks", () => {
  it("migrations are current only when every shipped one is applied and none is unknown", () => {
    expect(migrationsCheck(["a", "b"], ["a", "b"])).toEqual({ ok: true, detail: "2 applied" });
    expect(migrationsCheck(["a"], ["a", "b", "c"])).toEqual({ ok: false, detail: "2 not applied, first b" });
    // A newer database under an older build: it may lack columns this code needs to leave alone.
    expect(migrationsCheck(["a", "b", "z"], ["a", "b"])).toEqual({
      ok: false,
      detail: "1 applied that this build does not know",
    });
  });

  it("the job runner is fine running or deliberately off, not while starting, failed or stopping", () => {
    expect(jobsCheck({ state: "running" }).ok).toBe(true);
    expect(jobsCheck({ state: "off" })).toEqual({ ok: true, detail: "off in this process (JOBS=off)" });
    expect(jobsCheck({ state: "starting" }).ok).toBe(false);
    expect(jobsCheck({ state: "stopping" }).ok).toBe(false);
    expect(jobsCheck({ state: "failed", error: "connection refused" })).toEqual({
      ok: false,
      detail: "not running: connection refused",
    });
  });
});
