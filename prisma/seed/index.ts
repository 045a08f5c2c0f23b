// Seeds the demo on first start only (when there are no users yet). Run by scripts/start.mjs
// after migrations, or by hand: `npm run db:seed`.
import { createDb } from "../../src/server/db/client";
import { resolveDbTarget } from "../../src/server/db/config";
import { allOrganizations } from "../../src/server/db/globals";
import { seedFoundation } from "./foundation";
import { seedDirectory } from "./directory";
import { seedFda } from "./fda";
import { seedRfps } from "./rfps";
import { seedShortlist } from "./shortlist";

async function main() {
  const handle = createDb(resolveDbTarget());
  await handle.ready;
  const db = handle.prisma;
  try {
    // The app role sees no user by a bare count ("User" is under row-level security): every
    // seeded user belongs to a seeded organisation, so the organisations say it instead.
    if ((await allOrganizations(db)).length > 0) {
      console.log("Seed: demo data already present; nothing to do.");
      return;
    }
    const started = Date.now();
    const orgs = await seedFoundation(db);
    await seedDirectory(db, orgs);
    await seedFda(db);
    await seedRfps(db, orgs);
    await seedShortlist(db, orgs);
    console.log(`Seed: demo organisations and users created in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.$disconnect();
    await handle.pglite?.close();
  }
}

main().catch((e) => {
  console.error("Seed failed:", e);
  process.exit(1);
});
