/**
 * Scores for the load test (bench/load-test.ts): a scorecard of 4 criteria x 5 sub-criteria on
 * each of the first 1,000 past-due RFPs of the RFP dataset (bench/generate-rfps.ts, ids "rb-"),
 * and the sponsor bench user's score on every cell: 1,000 RFPs x 10 vendors x 20 leaves =
 * 200,000 scores. Written as the owner role with FORCE lifted on the tables it reads and writes, for the load only
 * (as the other generators do); replaces an earlier load (ids start "ls-").
 */
import { mulberry32 } from "../src/server/decision/prng";
import { DEFAULT_ANCHORS, type Criterion } from "../src/server/evaluation/criteria";
import { RFP_BENCH } from "./generate-rfps";
import type { SqlClient } from "./generate-directory";

export const SCORE_BENCH = { rfps: 1000, categories: 4, leavesPerCategory: 5 };

export function loadCriteria(): Criterion[] {
  const names = ["Capability", "Quality-system history", "Pricing", "Hand-off efficiency"];
  return names.map((name, c) => ({
    id: `c${c + 1}`,
    name,
    weight: [35, 25, 25, 15][c]!,
    children: Array.from({ length: SCORE_BENCH.leavesPerCategory }, (_, l) => ({
      id: `c${c + 1}.l${l + 1}`,
      name: `${name} ${l + 1}`,
      weight: 1 + ((c + l) % 3),
      anchors: [...DEFAULT_ANCHORS],
    })),
  }));
}

// Read (the RFPs and their invitations) or written by the load, as the owner.
const LIFTED = ["Rfp", "RfpInvitation", "Scorecard", "Score"];

const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

/** Whether the scores are already there (so a second run does not reload them). */
export async function scoresLoaded(sql: SqlClient): Promise<boolean> {
  await sql.query("BEGIN");
  await sql.query(`ALTER TABLE "Score" NO FORCE ROW LEVEL SECURITY`);
  const [row] = rowsOf(await sql.query(`SELECT count(*)::int AS n FROM "Score" WHERE id LIKE 'ls-%'`));
  await sql.query("ROLLBACK");
  return (row!.n as number) >= SCORE_BENCH.rfps * 10 * SCORE_BENCH.categories * SCORE_BENCH.leavesPerCategory;
}

export async function loadScores(sql: SqlClient, seed = 1): Promise<number> {
  const rnd = mulberry32(seed);
  const criteria = loadCriteria();
  const leaves = criteria.flatMap((c) => c.children!.map((l) => l.id));
  await sql.query("BEGIN");
  try {
    for (const t of LIFTED) await sql.query(`ALTER TABLE "${t}" NO FORCE ROW LEVEL SECURITY`);
    await sql.query(`DELETE FROM "Score" WHERE id LIKE 'ls-%'`);
    await sql.query(`DELETE FROM "Scorecard" WHERE id LIKE 'ls-%'`);
    // rb-rfp-1 first: the RFP whose results the load test asks for.
    const rfps = rowsOf(
      await sql.query(
        `SELECT id, "organizationId" FROM "Rfp" WHERE id LIKE 'rb-%' AND "dueAt" < now()
         AND NOT EXISTS (SELECT 1 FROM "Scorecard" s WHERE s."rfpId" = "Rfp".id)
         ORDER BY (id = $1) DESC, id LIMIT $2`,
        [RFP_BENCH.matrixRfp, SCORE_BENCH.rfps],
      ),
    ) as { id: string; organizationId: string }[];
    let n = 0;
    for (const rfp of rfps) {
      const card = `ls-card-${rfp.id}`;
      await sql.query(
        `INSERT INTO "Scorecard" (id, "organizationId", "rfpId", criteria, "updatedAt") VALUES ($1, $2, $3, $4, now())`,
        [card, rfp.organizationId, rfp.id, JSON.stringify(criteria)],
      );
      const invitations = rowsOf(
        await sql.query(`SELECT id FROM "RfpInvitation" WHERE "rfpId" = $1 ORDER BY id`, [rfp.id]),
      ).map((r) => r.id as string);
      const cols: [string[], string[], string[], number[]] = [[], [], [], []];
      for (const inv of invitations) {
        const level = 1 + rnd() * 3;
        for (const leaf of leaves) {
          cols[0].push(`ls-${++n}`);
          cols[1].push(inv);
          cols[2].push(leaf);
          cols[3].push(Math.min(5, Math.max(0, Math.round((level + (rnd() - 0.5) * 2) * 2) / 2)));
        }
      }
      await sql.query(
        `INSERT INTO "Score" (id, "organizationId", "scorecardId", "invitationId", "criterionId", "evaluatorId", value, "updatedAt")
         SELECT u.id, $1, $2, u.inv, u.leaf, $3, u.value, now()
         FROM unnest($4::text[], $5::text[], $6::text[], $7::float8[]) AS u(id, inv, leaf, value)`,
        [rfp.organizationId, card, RFP_BENCH.sponsorUser, ...cols],
      );
    }
    for (const t of LIFTED) await sql.query(`ALTER TABLE "${t}" FORCE ROW LEVEL SECURITY`);
    await sql.query("COMMIT");
    return n;
  } catch (e) {
    await sql.query("ROLLBACK");
    throw e;
  }
}
