/**
 * A large evaluation for bench/evaluation-render.ts: one sponsor ("eb-sponsor") with eight
 * members who score (the first one leads), one closed RFP with 30 invited vendors, a scorecard of
 * 4 criteria x 10 sub-criteria and every evaluator's score on every cell (9,600 scores). Written
 * as the owner role into the bench database (BENCH_DATABASE_URL), replacing an earlier load
 * (ids start "eb-"); users and sessions go in as those users, as sign-up does.
 */
import { hashPassword } from "../src/server/auth/password";
import { migrateDatabase } from "../src/server/db/migrate-database";
import { mulberry32 } from "../src/server/decision/prng";
import { DEFAULT_ANCHORS, type Criterion } from "../src/server/evaluation/criteria";
import { findTemplate } from "../src/server/rfps/templates";
import { BENCH_OWNER_URL, ensureDatabase } from "./generate-directory";

export const EVAL_BENCH = {
  org: "eb-sponsor",
  rfp: "eb-rfp",
  lead: "eb-user-1@bench.example",
  password: "bench-Evaluation-2026",
  vendors: 30,
  categories: 4,
  leavesPerCategory: 10,
  evaluators: 8,
};

const TABLES = ["Membership", "Programme", "Rfp", "RfpInvitation", "Scorecard", "Score"];

export function benchCriteria(): Criterion[] {
  return Array.from({ length: EVAL_BENCH.categories }, (_, c) => ({
    id: `c${c + 1}`,
    name: ["Capability", "Quality-system history", "Pricing", "Hand-off efficiency"][c] ?? `Category ${c + 1}`,
    weight: [35, 25, 25, 15][c] ?? 10,
    children: Array.from({ length: EVAL_BENCH.leavesPerCategory }, (_, l) => ({
      id: `c${c + 1}.l${l + 1}`,
      name: `Sub-criterion ${c + 1}.${l + 1}`,
      weight: 1 + ((c + l) % 4),
      anchors: [...DEFAULT_ANCHORS],
    })),
  }));
}

export async function loadEvaluationBench(seed = 1): Promise<{ scores: number; ms: number }> {
  const pg = (await import("pg")).default;
  await ensureDatabase(pg, BENCH_OWNER_URL);
  await migrateDatabase({ kind: "postgres", url: BENCH_OWNER_URL });
  const sql = new pg.Client({ connectionString: BENCH_OWNER_URL });
  await sql.connect();
  const started = Date.now();
  const rnd = mulberry32(seed);
  const template = findTemplate("mab-ds-dp")!;
  const passwordHash = await hashPassword(EVAL_BENCH.password);
  const users = Array.from({ length: EVAL_BENCH.evaluators }, (_, i) => `eb-user-${i + 1}`);
  const criteria = benchCriteria();
  try {
    await sql.query("BEGIN");
    for (const t of TABLES) await sql.query(`ALTER TABLE "${t}" NO FORCE ROW LEVEL SECURITY`);
    for (const t of ["Score", "Scorecard", "RfpInvitation", "Rfp", "Programme", "Membership"])
      await sql.query(`DELETE FROM "${t}" WHERE "organizationId" = $1`, [EVAL_BENCH.org]);
    await sql.query(
      `INSERT INTO "Organization" (id, slug, name, kind, "updatedAt") VALUES ($1, $1, 'Evaluation Bench Sponsor', 'SPONSOR', now())
       ON CONFLICT (id) DO NOTHING`,
      [EVAL_BENCH.org],
    );
    for (const [i, user] of users.entries()) {
      await sql.query("SELECT set_config('app.user_id', $1, true), set_config('app.org_id', $2, true)", [
        user,
        EVAL_BENCH.org,
      ]);
      await sql.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $1 || '@bench.example', $2, $3, now())
         ON CONFLICT (id) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash"`,
        [user, `Evaluator ${i + 1}`, passwordHash],
      );
      await sql.query(
        `INSERT INTO "Membership" (id, "organizationId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4, now())`,
        [`eb-m-${i + 1}`, EVAL_BENCH.org, user, i === 0 ? "OWNER" : "EVALUATOR"],
      );
    }
    await sql.query(
      `INSERT INTO "Programme" (id, "organizationId", name, molecule, modality, phase, stages, assumptions, "updatedAt")
       VALUES ('eb-prog', $1, 'Bench programme', 'EB-1', 'MAB', 'PHASE_1', $2, '{}', now())`,
      [EVAL_BENCH.org, template.stages],
    );
    await sql.query(
      `INSERT INTO "Rfp" (id, "organizationId", "programmeId", title, stages, status, content, weights, "dueAt", "publishedAt", "updatedAt")
       VALUES ($1, $2, 'eb-prog', 'Bench evaluation: 30 vendors', $3, 'CLOSED', $4, $5, now() - interval '1 day', now() - interval '30 days', now())`,
      [
        EVAL_BENCH.rfp,
        EVAL_BENCH.org,
        template.stages,
        JSON.stringify(template.content),
        JSON.stringify(template.weights),
      ],
    );
    for (let v = 1; v <= EVAL_BENCH.vendors; v++)
      await sql.query(
        `INSERT INTO "RfpInvitation" (id, "organizationId", "rfpId", "displayName", email, "sentAt")
         VALUES ($1, $2, $3, $4, $5, now() - interval '30 days')`,
        [
          `eb-inv-${v}`,
          EVAL_BENCH.org,
          EVAL_BENCH.rfp,
          `Bench Vendor ${String(v).padStart(2, "0")}`,
          `v${v}@bench.example`,
        ],
      );
    await sql.query(
      `INSERT INTO "Scorecard" (id, "organizationId", "rfpId", criteria, "updatedAt") VALUES ('eb-card', $1, $2, $3, now())`,
      [EVAL_BENCH.org, EVAL_BENCH.rfp, JSON.stringify(criteria)],
    );
    const rows: unknown[][] = [];
    const leaves = criteria.flatMap((c) => c.children!.map((l) => l.id));
    for (let v = 1; v <= EVAL_BENCH.vendors; v++) {
      const level = 1 + rnd() * 3; // each vendor has its own level, evaluators scatter around it
      for (const leaf of leaves)
        for (const user of users) {
          const value = Math.min(5, Math.max(0, Math.round((level + (rnd() - 0.5) * 2.5) * 2) / 2));
          rows.push([`eb-s-${rows.length + 1}`, `eb-inv-${v}`, leaf, user, value]);
        }
    }
    for (let i = 0; i < rows.length; i += 2000) {
      const part = rows.slice(i, i + 2000);
      await sql.query(
        `INSERT INTO "Score" (id, "organizationId", "scorecardId", "invitationId", "criterionId", "evaluatorId", value, "updatedAt")
         SELECT u.id, $1, 'eb-card', u.inv, u.leaf, u.evaluator, u.value, now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[]) AS u(id, inv, leaf, evaluator, value)`,
        [EVAL_BENCH.org, ...[0, 1, 2, 3, 4].map((k) => part.map((r) => r[k]))],
      );
    }
    for (const t of TABLES) await sql.query(`ALTER TABLE "${t}" FORCE ROW LEVEL SECURITY`);
    await sql.query("COMMIT");
    return { scores: rows.length, ms: Date.now() - started };
  } catch (e) {
    await sql.query("ROLLBACK");
    throw e;
  } finally {
    await sql.end();
  }
}
