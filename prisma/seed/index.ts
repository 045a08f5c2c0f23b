// Seeds the demo on first start only (when there are no users yet). Run by scripts/start.mjs
// after migrations, or by hand: `npm run db:seed`.
import { createDb } from "../../src/server/db/client";
import { resolveDbTarget } from "../../src/server/db/config";
import { seedFoundation } from "./foundation";
import { seedDirectory } from "./directory";

async function main() {
  const handle = createDb(resolveDbTarget());
  await handle.ready;
  const db = handle.prisma;
  try {
    if ((await db.user.count()) > 0) {
      console.log("Seed: demo data already present; nothing to do.");
      return;
    }
    const started = Date.now();
    const orgs = await seedFoundation(db);
    await seedDirectory(db, orgs);
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
