import { execFileSync } from "node:child_process";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The lint rule that keeps raw SQL and the generated client's values inside src/server/db/
// (eslint.config.js), probed with the real config: each forbidden thing, written in a file
// outside db/, must be reported; the same text inside db/, or a type-only import, must not.

const root = path.resolve(__dirname, "../../..");
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
}, 60_000);

async function ruleErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

const PROBES: Record<string, string> = {
  queryRaw: "export const f = (db: { $queryRaw: (s: TemplateStringsArray) => unknown }) => db.$queryRaw`SELECT 1`;",
  executeRaw:
    "export const f = (db: { $executeRaw: (s: TemplateStringsArray) => unknown }) => db.$executeRaw`SELECT 1`;",
  queryRawUnsafe:
    "export const f = (db: { $queryRawUnsafe: (s: string) => unknown }) => db.$queryRawUnsafe('SELECT 1');",
  executeRawUnsafe:
    "export const f = (db: { $executeRawUnsafe: (s: string) => unknown }) => db.$executeRawUnsafe('SELECT 1');",
  "Prisma.sql":
    "declare const Prisma: { sql: (s: TemplateStringsArray) => unknown };\nexport const q = Prisma.sql`SELECT 1`;",
  "value import (relative)": 'import { Prisma } from "../db/generated/client";\nexport const p = Prisma;',
  "value import (alias)":
    'import { PrismaClient } from "@/server/db/generated/client";\nexport const c = PrismaClient;',
  "dynamic import": 'export const load = () => import("../db/generated/client");',
};

const CODE = ["src/*.ts", "src/*.tsx", "scripts/*.ts", "scripts/*.mjs", "prisma/*.ts", "bench/*.ts"];

describe("raw SQL and generated-client values only under src/server/db/", () => {
  for (const [name, code] of Object.entries(PROBES)) {
    it(`reports ${name} in a module outside db/`, async () => {
      expect(await ruleErrors(code, "src/server/vendors/lint-probe.ts")).not.toEqual([]);
      expect(await ruleErrors(code, "src/components/lint-probe.tsx")).not.toEqual([]);
    });
  }

  it("reports Prisma.sql written the ordinary way", async () => {
    const code = 'import { Prisma } from "../db/generated/client";\nexport const q = Prisma.sql`SELECT 1`;';
    const errors = await ruleErrors(code, "src/server/vendors/lint-probe.ts");
    expect(errors.filter((e) => e === "no-restricted-syntax")).toHaveLength(1);
    expect(errors.filter((e) => e === "@typescript-eslint/no-restricted-imports")).toHaveLength(1);
  });

  it("allows the same code inside src/server/db/", async () => {
    for (const code of Object.values(PROBES)) expect(await ruleErrors(code, "src/server/db/lint-probe.ts")).toEqual([]);
  });

  it("allows type-only imports of the generated client anywhere", async () => {
    const code =
      'import type { Prisma, Vendor } from "../db/generated/client";\nexport type X = Prisma.VendorWhereInput | Vendor;';
    expect(await ruleErrors(code, "src/server/vendors/lint-probe.ts")).toEqual([]);
  });

  it("finds no raw SQL and no value import of the generated client in the tracked sources outside db/", () => {
    const grep = (pattern: string) => {
      try {
        return execFileSync("git", ["grep", "-n", "-E", pattern, "--", ...CODE, ":!src/server/db/"], {
          cwd: root,
          encoding: "utf8",
        }).trim();
      } catch (e) {
        if ((e as { status?: number }).status === 1) return ""; // git grep: no match
        throw e;
      }
    };
    expect(grep(String.raw`\$(queryRaw|executeRaw)|Prisma\.(sql|raw|join|empty)\b`)).toBe("");
    expect(grep(String.raw`^import [^t].*db/generated|^import \{.*db/generated|import\(.*db/generated`)).toBe("");
  });
});
