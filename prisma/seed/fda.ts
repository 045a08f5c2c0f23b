import { readFileSync } from "node:fs";
import type { PrismaClient } from "../../src/server/db/generated/client";
import { loadFdaText } from "../../src/server/vendors/fda-source";
import { todayIso } from "../../src/server/vendors/quality";

// The shipped FDA samples, loaded as public records the way the operator's `cdmo import-fda`
// would, so every sponsor (a new one included) sees the same FDA history on the platform
// profiles, e.g. Kestrel's 2025 OAI. Rows for firms without a platform profile stay unloaded.

export const FDA_SAMPLES = ["samples/fda-inspections-sample.csv", "samples/fda-warning-letters-sample.csv"];

export async function seedFda(db: PrismaClient, sourceDate = todayIso()) {
  const out = [];
  for (const file of FDA_SAMPLES) {
    const text = readFileSync(file, "utf8");
    const r = await loadFdaText(db, { text, name: file.split("/").pop()!, kind: null, sourceDate });
    out.push({ file: r.file, created: r.created, updated: r.updated, unchanged: r.unchanged, unmatched: r.unmatched });
  }
  return out;
}
