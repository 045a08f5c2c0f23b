import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The builder, the response editor and the comparison page import these modules in the browser.
// Each, and everything it imports from this repository, must stay free of Node built-ins, the
// database and server-only code. receipt.ts (node:crypto) is the one server-side module here.
const BROWSER_SAFE = [
  "content.ts",
  "lifecycle.ts",
  "templates.ts",
  "copy.ts",
  "completeness.ts",
  "seal.ts",
  "diff.ts",
  "ics.ts",
  "matrix.ts",
  "time-zone.ts",
  "scope.ts",
  "create-schemas.ts",
  "content-errors.ts",
  "edit-schemas.ts",
  "edit-summary.ts",
];
const PACKAGES_ALLOWED = new Set(["zod", "papaparse"]);
const here = dirname(fileURLToPath(import.meta.url));

function importsOf(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return [...src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!);
}

function problems(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const out: string[] = [];
  for (const spec of importsOf(file)) {
    if (spec.startsWith(".")) {
      const target = resolve(dirname(file), spec.endsWith(".ts") ? spec : `${spec}.ts`);
      const fallback = resolve(dirname(file), spec, "index.ts");
      let next = target;
      try {
        readFileSync(target);
      } catch {
        next = fallback;
      }
      if (/[/\\]db[/\\]/.test(next)) out.push(`${file} imports the database layer (${spec})`);
      else out.push(...problems(next, seen));
    } else if (!PACKAGES_ALLOWED.has(spec)) out.push(`${file} imports ${spec}`);
  }
  return out;
}

describe("browser-safe RFP modules", () => {
  it.each(BROWSER_SAFE)("%s imports only browser-safe code", (name) => {
    expect(problems(resolve(here, name))).toEqual([]);
  });

  it("the check notices a Node import", () => {
    expect(problems(resolve(here, "receipt.ts"))).toEqual([`${resolve(here, "receipt.ts")} imports node:crypto`]);
  });
});
