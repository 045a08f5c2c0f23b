import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { can, type Permission } from "@/server/auth/permissions";
import { getDb } from "@/server/db/client";
import { TENANT_MODELS } from "@/server/db/tenant";
import { AppError } from "@/server/errors/app-error";
import { fieldLabel } from "@/server/validation";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor, type TestUser } from "./helpers/actors";
import { buildFuzzFixture, FUZZ, type FuzzFixture } from "./fuzz.cases";

// Issue 7, finding 3: every procedure of the router gets generated invalid inputs (NUL bytes,
// lone surrogates, integers beyond int32, NaN and infinities, dates outside 1900..2200, wrong
// types, huge strings and lists, deep objects, extra and missing fields), derived from a valid
// input in tests/fuzz.cases.ts. Each answer must be a 4xx (never INTERNAL_SERVER_ERROR); a
// BAD_REQUEST must name a field; and a refused call must leave every row of both fixture
// organisations (audit events included) and the row counts of the global tables unchanged.
// A fixed seed and a bounded number of runs per procedure keep it deterministic and quick.

const SEED = 7_2026;
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

let t: TestDb;
let f: FuzzFixture;
let globalTables: string[] = [];

type ProcDef = {
  _def: {
    meta?: { access?: string; permission?: Permission };
    inputs: { safeParse?: (v: unknown) => { success: boolean; error?: unknown } }[];
  };
};
const procedures = appRouter._def.procedures as unknown as Record<string, ProcDef>;

beforeAll(async () => {
  t = await createTestDb();
  f = await buildFuzzFixture();
  const db = await getDb();
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1`,
  );
  // Rate-limit counters may legitimately move on a refused call.
  globalTables = rows
    .map((r) => r.name)
    .filter((n) => !TENANT_MODELS.has(n) && n !== "_prisma_migrations" && !/limit|attempt/i.test(n));
});
afterAll(async () => t?.drop());

// ---------- who calls ----------

function callerOf(path: string): { user: TestUser | null; orgSlug?: string } {
  const def = procedures[path]!._def;
  if (def.meta?.access === "org") {
    const permission = def.meta.permission!;
    if (can({ kind: "SPONSOR", role: "OWNER" }, permission)) return { user: f.sponsor.owner, orgSlug: f.sponsor.slug };
    if (can({ kind: "CDMO", role: "OWNER" }, permission)) return { user: f.cdmo.owner, orgSlug: f.cdmo.slug };
    throw new Error(`${path}: no owner holds ${permission}`);
  }
  return { user: FUZZ[path]!.as === "anonymous" ? null : f.sponsor.owner };
}

function baseInput(path: string): unknown {
  const who = callerOf(path);
  const input = FUZZ[path]!.input(f);
  return who.orgSlug ? { orgSlug: who.orgSlug, ...(input ?? {}) } : input;
}

function call(path: string, input: unknown): Promise<unknown> {
  const caller = callerFor(callerOf(path).user) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

// ---------- what was stored ----------

const TENANT_SQL = `SELECT ${[...TENANT_MODELS]
  .sort()
  .map(
    (m) =>
      `(SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "${m}" t) AS "${m}"`,
  )
  .join(", ")}`;

/**
 * Every row of the organisations' tenant tables (through RLS, as each), and the global tables'
 * row counts. An org procedure can reach only its caller's organisation (RLS), so only that
 * one is read; other procedures get both.
 */
async function fingerprint(orgIds: string[]): Promise<string> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const out: unknown[] = [];
    for (const orgId of orgIds) {
      await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, orgId);
      out.push(await tx.$queryRawUnsafe(TENANT_SQL));
    }
    if (globalTables.length)
      out.push(
        await tx.$queryRawUnsafe(
          `SELECT ${globalTables.map((n) => `(SELECT count(*)::text FROM "${n}") AS "${n}"`).join(", ")}`,
        ),
      );
    return JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  });
}

// ---------- invalid inputs ----------

type Path = (string | number)[];
const REMOVE = Symbol("remove");

const deep = (n: number) => {
  let o: unknown = "leaf";
  for (let i = 0; i < n; i++) o = { a: o, b: [o] };
  return o;
};
const HUGE = "x".repeat(1_000_000);
const NASTY: unknown[] = [
  "\u0000",
  "a\u0000b",
  "\ud800x",
  "x\udc00",
  "\ud83d",
  "\u0007",
  "",
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  1e308,
  -1e308,
  Number.NaN,
  Infinity,
  -Infinity,
  0.5,
  -0,
  new Date(-8.64e15),
  new Date(8.64e15),
  new Date(Number.NaN),
  "-271821-04-20",
  "+275760-09-13T00:00:00.000Z",
  "2024-02-30",
  "0000-01-01",
  true,
  null,
  undefined,
  {},
  [],
  [[[]]],
  HUGE,
  deep(300),
  Array.from({ length: 5000 }, () => "a"),
  BigInt(2) ** BigInt(70),
  new Map([["a", 1]]),
  new Set([1]),
];
/** Any UTF-16 code units, NUL and lone surrogates included. */
const rawString = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 })
  .map((c) => String.fromCharCode(...c));
const nasty = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: rawString },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -(2 ** 31) - 1 }),
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }) },
);

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Every node of the input: [] is the whole input. */
function paths(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (isPlain(v)) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function setAt(input: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === REMOVE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** Every string of the input with `bad` inserted at `pos` (clamped). */
function poisonStrings(v: unknown, bad: string, pos: number): unknown {
  if (typeof v === "string") return v.slice(0, pos % (v.length + 1)) + bad + v.slice(pos % (v.length + 1));
  if (Array.isArray(v)) return v.map((x) => poisonStrings(x, bad, pos));
  if (isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poisonStrings(x, bad, pos)]));
  return v;
}
function mapLeaves(v: unknown, fn: (x: unknown) => unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => mapLeaves(x, fn));
  if (isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapLeaves(x, fn)]));
  return fn(v);
}

function mutations(base: unknown): fc.Arbitrary<{ what: string; input: unknown }> {
  const nodes = paths(base);
  const keyed = nodes.filter((p) => p.length > 0);
  const objects = nodes.filter((p) =>
    isPlain(p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], base)),
  );
  const arbs: fc.Arbitrary<{ what: string; input: unknown }>[] = [
    fc
      .tuple(fc.constantFrom(...nodes), nasty)
      .map(([p, v]) => ({ what: `replace ${p.join(".") || "input"}`, input: setAt(base, p, v) })),
    fc.tuple(fc.constantFrom("\u0000", "\ud800", "\udfff", "\u001b"), fc.nat(50)).map(([c, pos]) => ({
      what: `poison strings with U+${c.charCodeAt(0).toString(16)}`,
      input: poisonStrings(base, c, pos),
    })),
  ];
  if (keyed.length)
    arbs.push(fc.constantFrom(...keyed).map((p) => ({ what: `remove ${p.join(".")}`, input: setAt(base, p, REMOVE) })));
  if (objects.length) {
    arbs.push(
      fc
        .tuple(
          fc.constantFrom(...objects),
          fc.constantFrom("extra", "__proto__", "constructor", "orgId", "organizationId"),
          nasty,
        )
        .map(([p, k, v]) => {
          const copy = structuredClone(base) as Record<string, unknown>;
          const node = p.reduce<unknown>((o, key) => (o as Record<string | number, unknown>)[key], copy) as Record<
            string,
            unknown
          >;
          Object.defineProperty(node, k, { value: v, enumerable: true, configurable: true, writable: true });
          return { what: `add ${[...p, k].join(".")}`, input: copy };
        }),
    );
  }
  return fc.oneof(...arbs);
}

/** The same for every procedure: every string poisoned, every number and date out of range. */
function fixedMutations(base: unknown): { what: string; input: unknown }[] {
  return [
    { what: "NUL in every string", input: poisonStrings(base, "\u0000", 1) },
    { what: "lone surrogate in every string", input: poisonStrings(base, "\ud800", 1) },
    { what: "every number 2^31", input: mapLeaves(base, (x) => (typeof x === "number" ? 2 ** 31 : x)) },
    { what: "every number NaN", input: mapLeaves(base, (x) => (typeof x === "number" ? Number.NaN : x)) },
    {
      what: "every date year -271821",
      input: mapLeaves(base, (x) =>
        x instanceof Date
          ? new Date(-8.64e15)
          : typeof x === "string" && /^\d{4}-\d\d-\d\d/.test(x)
            ? "-271821-04-20"
            : x,
      ),
    },
    {
      what: "every string huge",
      input: mapLeaves(base, (x) => (typeof x === "string" && !/^[a-z0-9-]+$/.test(x) ? HUGE : x)),
    },
    { what: "input is a string", input: "\u0000" },
    { what: "input is an array", input: [base] },
  ];
}

// ---------- the checks ----------

/** The message starts with the product's name of the first field at fault ("Name must be ...", "Tags (item 2): ..."). */
const startsWithField = (e: TRPCError, cause: ZodError) => {
  const path = cause.issues[0]?.path ?? [];
  return [path.length ? fieldLabel(path) : "The request", "Request:"].some((label) => e.message.startsWith(label));
};
const namesAField = (e: TRPCError) =>
  (e.cause instanceof ZodError && startsWithField(e, e.cause)) || (e.cause instanceof AppError && !!e.cause.field);

/** What was stored before the next call: taken once, and again after every call that was accepted. */
let baseline: { path: string; value: string } | null = null;

function orgsReachable(path: string): string[] {
  const slug = callerOf(path).orgSlug;
  return slug === f.sponsor.slug ? [f.sponsor.id] : slug === f.cdmo.slug ? [f.cdmo.id] : [f.sponsor.id, f.cdmo.id];
}

async function check(path: string, what: string, input: unknown): Promise<void> {
  if (baseline?.path !== path) baseline = { path, value: await fingerprint(orgsReachable(path)) };
  const before = baseline.value;
  let error: unknown = null;
  try {
    await call(path, input);
  } catch (e) {
    error = e;
  }
  if (error === null) {
    // Accepted (extra keys are stripped, say): it may have written; nothing else to check.
    baseline = null;
    return;
  }
  const label = `${path} (${what})`;
  expect(error, `${label} threw something other than a tRPC error: ${String(error)}`).toBeInstanceOf(TRPCError);
  const e = error as TRPCError;
  const status = getHTTPStatusCodeFromError(e);
  expect(status, `${label} answered ${e.code}: ${e.message} ${String(e.cause ?? "")}`).toBeGreaterThanOrEqual(400);
  expect(status, `${label} answered ${e.code}: ${e.message} ${String(e.cause ?? "")}`).toBeLessThan(500);
  if (e.code === "BAD_REQUEST") expect(namesAField(e), `${label} BAD_REQUEST without a field: ${e.message}`).toBe(true);
  const after = await fingerprint(orgsReachable(path));
  baseline = { path, value: after };
  expect(after, `${label} was refused (${e.code}) but wrote something`).toBe(before);
}

describe(`fuzzing every procedure with invalid input (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("has a fuzz entry for every procedure, and each entry passes the procedure's own input schemas", () => {
    const names = Object.keys(procedures).sort();
    expect(names.length).toBeGreaterThan(10);
    expect(
      names.filter((n) => !(n in FUZZ)),
      "procedures without a fuzz entry in tests/fuzz.cases.ts",
    ).toEqual([]);
    expect(
      Object.keys(FUZZ).filter((n) => !(n in procedures)),
      "fuzz entries for procedures that no longer exist",
    ).toEqual([]);
    for (const n of names) {
      const input = baseInput(n);
      for (const parser of procedures[n]!._def.inputs) {
        const r = parser.safeParse?.(input);
        expect(r, `${n}: its input parser is not a zod schema`).toBeDefined();
        expect(r!.success, `${n}: the fuzz entry's valid input fails its schema: ${String(r!.error)}`).toBe(true);
      }
    }
  });

  for (const path of Object.keys(FUZZ)) {
    it(`${path}: invalid input is a 4xx naming the field, and writes nothing`, async () => {
      if (!(path in procedures)) return; // reported by the coverage test above
      const base = baseInput(path);
      for (const m of fixedMutations(base)) await check(path, m.what, m.input);
      await fc.assert(
        fc.asyncProperty(mutations(base), async (m) => check(path, m.what, m.input)),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});
