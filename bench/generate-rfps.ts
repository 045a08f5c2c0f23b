/**
 * The RFP bench dataset: `npx tsx bench/generate-rfps.ts [--sponsors 40] [--cdmos 160]
 * [--rfps 2000] [--invitees 10] [--seed 1]` loads, into the bench database (BENCH_URL, created
 * and migrated as the owner on first use), 200 organisations, 2,000 RFPs built from the shipped
 * mAb template and 20,000 submitted responses (every RFP invites `invitees` CDMOs, each of
 * which answers every question), plus one user per side for the timed requests.
 *
 * The first sponsor's closed RFPs (rb-rfp-1 among them) are sealed with committee opening and
 * have been opened by two members, so its response matrix goes through the whole seal check.
 *
 * Rows are written as the owner role in one transaction with FORCE lifted on the tables it
 * fills (as bench/generate-directory.ts does), and replace an earlier run (ids start "rb-").
 */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { OWNER_ROLE, withUser } from "../src/server/db/config";
import { findTemplate } from "../src/server/rfps/templates";
import type { AnswerValue, Question, RfpContent } from "../src/server/rfps/content";
import { mulberry32 } from "../src/server/decision/prng";
import { BENCH_URL, type SqlClient } from "./generate-directory";

export const RFP_BENCH = {
  sponsorUser: "rb-user-sponsor",
  sponsorSession: "rb-session-sponsor",
  cdmoUser: "rb-user-cdmo",
  cdmoSession: "rb-session-cdmo",
  sponsorOrg: "rb-sponsor-1",
  cdmoOrg: "rb-cdmo-1",
  /** Closed, sealed with committee opening, opened by two members; invites rb-cdmo-1. */
  matrixRfp: "rb-rfp-1",
};

// Score and Scorecard: the load test's scores on these RFPs (bench/generate-scores.ts) go with them.
const TABLES = [
  "Programme",
  "Rfp",
  "RfpInvitation",
  "RfpParticipation",
  "RfpResponse",
  "BidOpening",
  "Membership",
  "Scorecard",
  "Score",
];

export type RfpGenOptions = { sponsors: number; cdmos: number; rfps: number; invitees: number; seed: number };

function answerFor(q: Question, rnd: () => number): AnswerValue | undefined {
  switch (q.kind) {
    case "text":
      return `We have run this for ${3 + Math.floor(rnd() * 20)} programmes; details in the attached deck.`;
    case "yesno":
      return rnd() > 0.2;
    case "number":
      return { value: Math.round((q.min ?? 0) + rnd() * 1000) };
    case "single":
      return q.options[Math.floor(rnd() * q.options.length)];
    case "multi":
      return q.options.filter(() => rnd() > 0.5);
    case "price":
      return {
        price: Math.round(200_000 + rnd() * 2_000_000),
        durationWeeks: 8 + Math.floor(rnd() * 30),
        includes: "Materials, release testing and batch documentation.",
      };
    default:
      return undefined; // file questions: no files in the bench
  }
}

function answersFor(content: RfpContent, rnd: () => number): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const s of content.sections)
    for (const q of s.questions) {
      const a = answerFor(q, rnd);
      if (a !== undefined) out[q.id] = a;
    }
  return out;
}

async function insertRows(
  sql: SqlClient,
  table: string,
  rows: Record<string, unknown>[],
  types: Record<string, string>,
) {
  const cols = Object.keys(types);
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    const params = cols.map((c) =>
      part.map((r) => {
        const v = r[c];
        if (v === null || v === undefined) return null;
        if (v instanceof Date) return v.toISOString();
        if (types[c] === "jsonb") return JSON.stringify(v);
        if (types[c]!.endsWith("[]")) return `{${(v as string[]).join(",")}}`;
        return String(v);
      }),
    );
    const select = cols.map((c, k) => `c${k}::${types[c]} AS "${c}"`).join(", ");
    await sql.query(
      `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")})
       SELECT ${select} FROM unnest(${cols.map((_, k) => `$${k + 1}::text[]`).join(", ")}) AS u(${cols.map((_, k) => `c${k}`).join(", ")})`,
      params,
    );
  }
}

const BENCH_USERS = [
  [RFP_BENCH.sponsorUser, RFP_BENCH.sponsorSession, RFP_BENCH.sponsorOrg, "EVALUATOR"],
  [RFP_BENCH.cdmoUser, RFP_BENCH.cdmoSession, RFP_BENCH.cdmoOrg, "RESPONDER"],
] as const;

/** One user per side, with a session the bench sends on every request (inside the load's transaction). */
async function insertBenchUsers(sql: SqlClient) {
  for (const [user, session, org, role] of BENCH_USERS) {
    // "User" and "AuthSession" keep FORCE: rows go in as that user, as sign-up does.
    await sql.query("SELECT set_config('app.user_id', $1, true), set_config('app.org_id', $2, true)", [user, org]);
    await sql.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $1 || '@bench.example', $1, 'x', now()) ON CONFLICT (id) DO NOTHING`,
      [user],
    );
    await sql.query(
      `INSERT INTO "Membership" (id, "organizationId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4, now())`,
      [`rb-m-${user}`, org, user, role],
    );
    await sql.query(
      `INSERT INTO "AuthSession" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')
       ON CONFLICT (id) DO UPDATE SET "expiresAt" = now() + interval '1 day'`,
      [session, user],
    );
  }
}

const count = async (sql: SqlClient, text: string, params: unknown[]) =>
  ((await sql.query(text, params)) as { rows: { n: number }[] }).rows[0]!.n;

/**
 * Whether an earlier load with these options is in place (the owner reads every organisation;
 * the other tables through a sponsor's own rows), and if so its two sessions get another day,
 * since they expire a day after the load.
 */
export async function rfpBenchLoaded(sql: SqlClient, o: RfpGenOptions): Promise<boolean> {
  const orgs = await count(sql, `SELECT count(*)::int AS n FROM "Organization" WHERE id LIKE 'rb-%'`, []);
  if (orgs !== o.sponsors + o.cdmos) return false;
  await sql.query("BEGIN");
  try {
    const asOrg = (org: string) => sql.query("SELECT set_config('app.org_id', $1, true)", [org]);
    await asOrg(`rb-sponsor-${((o.rfps - 1) % o.sponsors) + 1}`);
    const last = await count(sql, `SELECT count(*)::int AS n FROM "RfpResponse" WHERE "rfpId" = $1`, [
      `rb-rfp-${o.rfps}`,
    ]);
    await asOrg(RFP_BENCH.sponsorOrg);
    const opened = await count(sql, `SELECT count(*)::int AS n FROM "BidOpening" WHERE "rfpId" = $1`, [
      RFP_BENCH.matrixRfp,
    ]);
    const loaded = last === o.invitees && opened === 2;
    if (loaded)
      for (const [user, session] of BENCH_USERS) {
        await sql.query("SELECT set_config('app.user_id', $1, true)", [user]);
        await sql.query(`UPDATE "AuthSession" SET "expiresAt" = now() + interval '1 day' WHERE id = $1`, [session]);
      }
    await sql.query("COMMIT");
    return loaded;
  } catch (e) {
    await sql.query("ROLLBACK");
    throw e;
  }
}

export async function loadRfps(sql: SqlClient, o: RfpGenOptions): Promise<Record<string, number>> {
  const rnd = mulberry32(o.seed);
  const template = findTemplate("mab-ds-dp")!;
  const now = Date.now();
  const day = 86_400_000;
  const sponsors = Array.from({ length: o.sponsors }, (_, i) => `rb-sponsor-${i + 1}`);
  const cdmos = Array.from({ length: o.cdmos }, (_, i) => `rb-cdmo-${i + 1}`);
  const orgs = [
    ...sponsors.map((id) => ({
      id,
      slug: id,
      name: `Bench sponsor ${id.slice(11)}`,
      kind: "SPONSOR",
      updatedAt: new Date(now),
    })),
    ...cdmos.map((id) => ({ id, slug: id, name: `Bench CDMO ${id.slice(8)}`, kind: "CDMO", updatedAt: new Date(now) })),
  ];
  const programmes = sponsors.map((s, i) => ({
    id: `rb-prog-${i + 1}`,
    organizationId: s,
    name: `Programme ${i + 1}`,
    molecule: `RB-${100 + i}`,
    modality: "MAB",
    phase: "PHASE_1",
    stages: template.stages,
    assumptions: {},
    updatedAt: new Date(now),
  }));
  const rfps: Record<string, unknown>[] = [];
  const invitations: Record<string, unknown>[] = [];
  const parts: Record<string, unknown>[] = [];
  const responses: Record<string, unknown>[] = [];
  const openings: Record<string, unknown>[] = [];
  for (let r = 0; r < o.rfps; r++) {
    const s = r % o.sponsors;
    const id = `rb-rfp-${r + 1}`;
    const closed = rnd() < 0.6 || r === 0;
    const sealed = closed && s === 0;
    if (sealed)
      for (const [k, userId] of [RFP_BENCH.sponsorUser, "rb-user-sponsor-2"].entries())
        openings.push({ id: `rb-open-${r + 1}-${k + 1}`, organizationId: sponsors[s], rfpId: id, round: 1, userId });
    const dueAt = new Date(now + (closed ? -1 : 1) * (1 + Math.floor(rnd() * 60)) * day);
    rfps.push({
      id,
      organizationId: sponsors[s],
      programmeId: programmes[s]!.id,
      title: `RFP ${r + 1}: ${template.name}`,
      stages: template.stages,
      status: closed ? "CLOSED" : "PUBLISHED",
      sealed,
      committeeOpening: sealed,
      content: template.content,
      weights: template.weights,
      dueAt,
      publishedAt: new Date(dueAt.getTime() - 30 * day),
      updatedAt: new Date(now),
    });
    // Invitees: a window of CDMOs, so each CDMO ends up with ~rfps * invitees / cdmos invitations.
    const first = (r * 7) % o.cdmos;
    for (let k = 0; k < o.invitees; k++) {
      const cdmo = cdmos[(first + k) % o.cdmos]!;
      const n = r * o.invitees + k + 1;
      const sentAt = new Date(dueAt.getTime() - 30 * day);
      const submittedAt = new Date(dueAt.getTime() - (1 + Math.floor(rnd() * 20)) * day);
      invitations.push({
        id: `rb-inv-${n}`,
        organizationId: sponsors[s],
        rfpId: id,
        vendorOrganizationId: cdmo,
        displayName: cdmo,
        sentAt,
      });
      parts.push({
        id: `rb-part-${n}`,
        organizationId: cdmo,
        invitationId: `rb-inv-${n}`,
        rfpId: id,
        sponsorOrganizationId: sponsors[s],
        viewedAt: sentAt,
        submittedAt,
        updatedAt: submittedAt,
      });
      responses.push({
        id: `rb-resp-${n}`,
        organizationId: cdmo,
        participationId: `rb-part-${n}`,
        rfpId: id,
        sponsorOrganizationId: sponsors[s],
        round: 1,
        answers: answersFor(template.content, rnd),
        submittedAt,
        receiptHash: "0".repeat(64),
        updatedAt: submittedAt,
      });
    }
  }

  await sql.query("BEGIN");
  try {
    for (const t of TABLES) await sql.query(`ALTER TABLE "${t}" NO FORCE ROW LEVEL SECURITY`);
    // A submitted response is final (a trigger refuses its deletion); the owner lifts that
    // for this transaction only, to replace the previous load's rows.
    await sql.query(`ALTER TABLE "RfpResponse" DISABLE TRIGGER rfp_response_submitted_is_final`);
    await sql.query(`DELETE FROM "Score" WHERE id LIKE 'ls-%'`);
    await sql.query(`DELETE FROM "Scorecard" WHERE id LIKE 'ls-%'`);
    for (const t of [
      "BidOpening",
      "RfpResponse",
      "RfpParticipation",
      "RfpInvitation",
      "Rfp",
      "Programme",
      "Membership",
    ])
      await sql.query(`DELETE FROM "${t}" WHERE id LIKE 'rb-%'`);
    await sql.query(`DELETE FROM "Organization" WHERE id LIKE 'rb-%'`);
    await sql.query(`ALTER TABLE "RfpResponse" ENABLE TRIGGER rfp_response_submitted_is_final`);
    await insertRows(sql, "Organization", orgs, {
      id: "text",
      slug: "text",
      name: "text",
      kind: `"OrgKind"`,
      updatedAt: "timestamp",
    });
    await insertRows(sql, "Programme", programmes, {
      id: "text",
      organizationId: "text",
      name: "text",
      molecule: "text",
      modality: "text",
      phase: `"ProgrammePhase"`,
      stages: "text[]",
      assumptions: "jsonb",
      updatedAt: "timestamp",
    });
    await insertRows(sql, "Rfp", rfps, {
      id: "text",
      organizationId: "text",
      programmeId: "text",
      title: "text",
      stages: "text[]",
      status: `"RfpStatus"`,
      sealed: "boolean",
      committeeOpening: "boolean",
      content: "jsonb",
      weights: "jsonb",
      dueAt: "timestamp",
      publishedAt: "timestamp",
      updatedAt: "timestamp",
    });
    await insertRows(sql, "RfpInvitation", invitations, {
      id: "text",
      organizationId: "text",
      rfpId: "text",
      vendorOrganizationId: "text",
      displayName: "text",
      sentAt: "timestamp",
    });
    await insertRows(sql, "RfpParticipation", parts, {
      id: "text",
      organizationId: "text",
      invitationId: "text",
      rfpId: "text",
      sponsorOrganizationId: "text",
      viewedAt: "timestamp",
      submittedAt: "timestamp",
      updatedAt: "timestamp",
    });
    await insertRows(sql, "RfpResponse", responses, {
      id: "text",
      organizationId: "text",
      participationId: "text",
      rfpId: "text",
      sponsorOrganizationId: "text",
      round: "integer",
      answers: "jsonb",
      submittedAt: "timestamp",
      receiptHash: "text",
      updatedAt: "timestamp",
    });
    await insertRows(sql, "BidOpening", openings, {
      id: "text",
      organizationId: "text",
      rfpId: "text",
      round: "integer",
      userId: "text",
    });
    await insertBenchUsers(sql);
    for (const t of TABLES) await sql.query(`ALTER TABLE "${t}" FORCE ROW LEVEL SECURITY`);
    await sql.query("COMMIT");
  } catch (e) {
    await sql.query("ROLLBACK");
    throw e;
  }
  // VACUUM too: a reload leaves the previous rows dead in the heap and the indexes, which
  // doubled the index entries an inbox read walks until autovacuum came by.
  await sql.query(`VACUUM ANALYZE ${[...TABLES, "Organization"].map((t) => `"${t}"`).join(", ")}`);
  return {
    organisations: orgs.length,
    rfps: rfps.length,
    invitations: invitations.length,
    responses: responses.length,
  };
}

/**
 * Creates and migrates the bench database if needed, then loads the dataset (always with
 * `force`, otherwise only when rfpBenchLoaded says it is not there). `ms` is the load's time,
 * null when nothing was loaded.
 */
export async function prepareRfpBench(o: RfpGenOptions, opts: { force?: boolean } = { force: true }) {
  const { migrateDatabase } = await import("../src/server/db/migrate-database");
  const pg = (await import("pg")).default;
  const ownerUrl = process.env.BENCH_MIGRATION_DATABASE_URL ?? withUser(BENCH_URL, OWNER_ROLE);
  const u = new URL(ownerUrl);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!found.rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await admin.end();
  await migrateDatabase({ kind: "postgres", url: ownerUrl });
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    if (!opts.force && (await rfpBenchLoaded(client, o))) return { counts: null, ms: null };
    const t0 = Date.now();
    const counts = await loadRfps(client, o);
    return { counts, ms: Date.now() - t0 };
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      sponsors: { type: "string" },
      cdmos: { type: "string" },
      rfps: { type: "string" },
      invitees: { type: "string" },
      seed: { type: "string" },
    },
  });
  const r = await prepareRfpBench({
    sponsors: Number(values.sponsors ?? 40),
    cdmos: Number(values.cdmos ?? 160),
    rfps: Number(values.rfps ?? 2000),
    invitees: Number(values.invitees ?? 10),
    seed: Number(values.seed ?? 1),
  });
  console.log(`Loaded into ${BENCH_URL.replace(/\/\/[^@]*@/, "//")} in ${(r.ms! / 1000).toFixed(1)} s:`, r.counts);
}
