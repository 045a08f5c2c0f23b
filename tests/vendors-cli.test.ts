import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/server/db/client";
import { migrateDatabase } from "@/server/db/migrate-database";
import { withTenant } from "@/server/db/tenant";
import { seedFoundation } from "../prisma/seed/foundation";
import { seedDirectory } from "../prisma/seed/directory";
import { runCdmo } from "./helpers/cdmo-cli";

// `cdmo import-inspections` in a child process against a migrated, seeded PGlite directory
// (the CLI opens the directory itself, so it runs on PGlite whatever TEST_DB says).

let dir: string;
let dataDir: string;
let sponsorId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cdmo-cli-"));
  dataDir = join(dir, "pglite");
  await migrateDatabase({ kind: "pglite", dataDir });
  const h = createDb({ kind: "pglite", dataDir });
  await h.ready;
  const orgs = await seedFoundation(h.prisma);
  await seedDirectory(h.prisma, orgs);
  sponsorId = orgs.sponsor!.id;
  await h.prisma.$disconnect();
  await h.pglite?.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cdmo = (args: string[]) => runCdmo(args, "", { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" });

async function ownInspections(): Promise<number> {
  const h = createDb({ kind: "pglite", dataDir });
  await h.ready;
  try {
    return await withTenant(h.prisma, { orgId: sponsorId }, (db) =>
      db.inspection.count({ where: { organizationId: sponsorId } }),
    );
  } finally {
    await h.prisma.$disconnect();
    await h.pglite?.close();
  }
}

const run = (...extra: string[]) => cdmo(["import-inspections", "--org", "helix-therapeutics", ...extra]);

describe("cdmo import-inspections", { timeout: 120_000 }, () => {
  it("dry run plans without writing; the import writes once; a second run changes nothing", async () => {
    const before = await ownInspections();
    const dry = await run("--file", "samples/fda-inspections-sample.csv", "--dry-run");
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      rows: 25,
      created: 7,
      updated: 0,
      unchanged: 0,
      alreadyPublic: 12, // declared on the CDMOs' public profiles: not copied
      unmatched: 6,
    });
    expect(await ownInspections()).toBe(before);

    const real = await run("--file", "samples/fda-inspections-sample.csv", "--kind", "inspections");
    expect(real.code).toBe(0);
    const out = JSON.parse(real.stdout);
    expect(out).toMatchObject({ dryRun: false, created: 7, updated: 0, unchanged: 0, alreadyPublic: 12, unmatched: 6 });
    expect(out.vendors.map((v: { name: string }) => v.name)).toContain("Kestrel Fill-Finish");
    expect(await ownInspections()).toBe(before + 7);

    const again = await run("--file", "samples/fda-inspections-sample.csv");
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 7, alreadyPublic: 12 });

    const letters = await run("--file", "samples/fda-warning-letters-sample.csv", "--kind", "warning-letters");
    expect(JSON.parse(letters.stdout)).toMatchObject({ created: 4, alreadyPublic: 1, unmatched: 1 });
  });

  it("exits 2 with the line and column of a bad file, and with a clear error for a wrong org or kind", async () => {
    const before = await ownInspections();
    // One at a time: a PGlite directory belongs to one process.
    const bad = await run("--file", "samples/fda-inspections-bad.csv");
    const org = await cdmo([
      "import-inspections",
      "--org",
      "no-such-org",
      "--file",
      "samples/fda-inspections-sample.csv",
    ]);
    const kind = await run("--file", "samples/fda-inspections-sample.csv", "--kind", "recalls");
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(JSON.parse(bad.stderr).error).toMatchObject({
      code: "INVALID_FILE",
      path: ["line", 5, "Inspection End Date"],
    });
    expect(JSON.parse(bad.stderr).error.message).toMatch(/^Line 5, column Inspection End Date/);
    expect(org.code).toBe(2);
    expect(JSON.parse(org.stderr).error).toMatchObject({ code: "NOT_FOUND", path: ["org"] });
    expect(kind.code).toBe(2);
    expect(JSON.parse(kind.stderr).error).toMatchObject({ code: "INVALID_ARGS", path: ["kind"] });
    expect(await ownInspections()).toBe(before);
  });
});

async function publicRecords(): Promise<{ inspections: number; letters: number }> {
  const h = createDb({ kind: "pglite", dataDir });
  await h.ready;
  try {
    return await withTenant(h.prisma, { orgId: sponsorId }, async (db) => ({
      inspections: await db.inspection.count({ where: { isPublic: true } }),
      letters: await db.warningLetter.count({ where: { isPublic: true } }),
    }));
  } finally {
    await h.prisma.$disconnect();
    await h.pglite?.close();
  }
}

describe("cdmo import-fda", { timeout: 120_000 }, () => {
  it("loads the FDA files publicly once: a dry run writes nothing, a second load changes nothing", async () => {
    const before = await publicRecords();
    const file = ["--file", "samples/fda-inspections-sample.csv", "--as-of", "2026-11-30"];
    const dry = await cdmo(["import-fda", ...file, "--dry-run"]);
    expect(dry.stderr).toBe("");
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: 4, updated: 12, unmatched: 9 });
    expect(await publicRecords()).toEqual(before);

    const first = await cdmo(["import-fda", ...file]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      kind: "INSPECTIONS",
      source: "FDA Data Dashboard, 2026-11-30",
      created: 4,
      updated: 12,
      unchanged: 0,
    });
    // The letters file is told apart by its header.
    const letters = await cdmo(["import-fda", "--file", "samples/fda-warning-letters-sample.csv"]);
    expect(JSON.parse(letters.stdout)).toMatchObject({ kind: "WARNING_LETTERS", created: 2, updated: 1 });
    const loaded = await publicRecords();
    expect(loaded).toEqual({ inspections: before.inspections + 4, letters: before.letters + 2 });

    const again = await cdmo(["import-fda", ...file]);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 16 });
    const lettersAgain = await cdmo(["import-fda", "--file", "samples/fda-warning-letters-sample.csv"]);
    expect(JSON.parse(lettersAgain.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await publicRecords()).toEqual(loaded);
  });

  it("exits 2 naming the bad cell, the wrong kind or date, and writes nothing", async () => {
    const before = await publicRecords();
    const bad = await cdmo(["import-fda", "--file", "samples/fda-inspections-bad.csv"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error).toMatchObject({
      code: "INVALID_FILE",
      path: ["line", 5, "Inspection End Date"],
    });
    const date = await cdmo(["import-fda", "--file", "samples/fda-inspections-sample.csv", "--as-of", "30/11/2026"]);
    expect(JSON.parse(date.stderr).error).toMatchObject({ code: "INVALID_ARGS", path: ["as-of"] });
    const kind = await cdmo([
      "import-fda",
      "--file",
      "samples/fda-warning-letters-sample.csv",
      "--kind",
      "inspections",
    ]);
    expect(kind.code).toBe(2);
    expect(JSON.parse(kind.stderr).error.message).toMatch(/no "FEI Number" column/);
    expect(await publicRecords()).toEqual(before);
  });
});

describe("cdmo refresh-quality", { timeout: 120_000 }, () => {
  it("recomputes the demo's cached scores for a later day, then finds nothing left; a bad date exits 2", async () => {
    const bad = await cdmo(["refresh-quality", "--as-of", "next tuesday"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error).toMatchObject({ code: "INVALID_ARGS", path: ["as-of"] });
    const impossible = await cdmo(["refresh-quality", "--as-of", "2026-02-30"]);
    expect(impossible.code).toBe(2);
    expect(JSON.parse(impossible.stderr).error).toMatchObject({ code: "INVALID_ARGS", path: ["as-of"] });

    const first = await cdmo(["refresh-quality", "--as-of", "2030-01-01"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const r = JSON.parse(first.stdout);
    expect(r.vendors).toBeGreaterThan(0);
    expect(r.organizations).toBeGreaterThan(0);
    const again = await cdmo(["refresh-quality", "--as-of", "2030-01-01"]);
    expect(JSON.parse(again.stdout)).toEqual({ organizations: 0, vendors: 0, views: 0 });
  });
});
