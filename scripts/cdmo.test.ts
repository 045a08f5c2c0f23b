import { execFileSync } from "node:child_process";
import { readFileSync, statSync, utimesSync } from "node:fs";
import { describe, expect, it } from "vitest";

// scripts/cdmo.mjs runs the `cdmo` command from a bundle it keeps in .cache/cdmo/ and rebuilds
// when a source it was made from changes. Other test files call the command meanwhile; any of
// them may rebuild too, so this only asserts what holds whoever built last.

const build = () => execFileSync(process.execPath, ["scripts/cdmo.mjs", "--build"], { encoding: "utf8" });
const current = () => readFileSync(".cache/cdmo/current", "utf8").trim();
const inputsOf = (name: string) =>
  JSON.parse(readFileSync(`.cache/cdmo/${name}/inputs.json`, "utf8")) as Record<string, string>;

describe("the cdmo bundle", { timeout: 60_000 }, () => {
  it("lists the sources it was made from, ours only, and rebuilds when one of them changes", () => {
    build();
    const first = current();
    const inputs = Object.keys(inputsOf(first));
    expect(inputs).toEqual(expect.arrayContaining(["src/cli/cdmo.ts", "src/server/decision/optimizer.ts"]));
    expect(inputs).toEqual(expect.arrayContaining(["package.json", "scripts/cdmo.mjs"]));
    expect(inputs.filter((f) => f.includes("node_modules"))).toEqual([]);

    build();
    // Nothing changed: no new build of other sources. (Another test's CLI call may have built the
    // same sources meanwhile and pointed at its copy, so compare what the bundle was made from.)
    expect(inputsOf(current())).toEqual(inputsOf(first));

    // Touch a source (same content, new mtime): the next call builds a new bundle.
    const file = "src/server/decision/optimizer.ts";
    const { atime } = statSync(file);
    utimesSync(file, atime, new Date());
    build();
    const second = current();
    expect(second).not.toBe(first);
    expect(inputsOf(second)[file]).not.toBe(inputsOf(first)[file]);
  });
});
