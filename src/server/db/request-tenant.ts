import type { PrismaClient } from "./generated/client";
import { AppError } from "../errors/app-error";
import { fullClientOf } from "./tenant-db";
import { scopedClient, setSessionVars, TX_OPTIONS, type Membership, type TenantDb } from "./tenant";

// The per-request side of tenancy: what orgProcedure calls. Cost rules (bench/README.md):
// - the membership is looked up in the procedure's own transaction, in the same statement
//   that sets app.user_id and app.org_id (one round trip, no separate transaction);
// - it is memoised per request, so the other procedures of a batch (or a server-rendered
//   page) do not repeat it: they only set the two settings;
// - their transaction begins at the first statement, so a procedure that needs no database
//   (organization.current) opens none.

/** Per-request memo of membership lookups, keyed by organisation slug (one user per request). */
export type MembershipMemo = Map<string, Promise<Membership | null>>;

const notMember = () => new AppError("NOT_FOUND", "Organisation not found.");

/**
 * One statement: set app.user_id (so RLS admits the user's own memberships), find the
 * membership by slug, and set app.org_id from it. The LATERAL join makes the settings row
 * come first: the membership scan runs once per row of `s`, after its set_config calls.
 */
async function enterAsMember(tx: TenantDb, userId: string, orgSlug: string): Promise<Membership | null> {
  const rows = await fullClientOf(tx).$queryRaw<(Membership & { orgSet: string })[]>`
    SELECT x.*, set_config('app.org_id', x."orgId", true) AS "orgSet"
    FROM (SELECT set_config('app.user_id', ${userId}, true) AS uid,
                 set_config('app.org_id', '', true) AS org0,
                 set_config('app.invite_token', '', true) AS inv0) s
    CROSS JOIN LATERAL (
      SELECT o.id AS "orgId", o.slug, o.name, o.kind::text AS kind, m.role::text AS role, m.id AS "membershipId"
      FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
      WHERE m."userId" = s.uid AND o.slug = ${orgSlug}
      LIMIT 1) x`;
  const row = rows[0];
  if (!row) return null;
  const { orgSet: _set, ...m } = row;
  return m;
}

/**
 * Run `fn` as the user's membership in the organisation `orgSlug`, in one transaction with a
 * tenant-scoped client; NOT_FOUND (AppError) for a non-member. `memo` lives for one request.
 */
export async function withMembership<T>(
  base: PrismaClient,
  memo: MembershipMemo,
  userId: string,
  orgSlug: string,
  fn: (m: Membership, db: TenantDb) => Promise<T>,
): Promise<T> {
  const known = memo.get(orgSlug);
  if (known) {
    const m = await known;
    if (!m) throw notMember();
    return withLazyTenant(base, { orgId: m.orgId, userId }, (db) => fn(m, db));
  }
  let settle!: (m: Membership | null) => void;
  let fail!: (e: unknown) => void;
  const lookup = new Promise<Membership | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  lookup.catch(() => {}); // a failed lookup is reported by this call; waiters see it too
  memo.set(orgSlug, lookup);
  const scope = { orgId: "" };
  try {
    return (await scopedClient(base, scope).$transaction(async (tx) => {
      const m = await enterAsMember(tx as unknown as TenantDb, userId, orgSlug);
      settle(m);
      if (!m) throw notMember();
      scope.orgId = m.orgId;
      return fn(m, tx as unknown as TenantDb);
    }, TX_OPTIONS)) as T;
  } catch (e) {
    fail(e); // no effect once settled
    throw e;
  }
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * `withTenant`, except that the transaction begins with the first statement `fn` sends
 * (setting the RLS variables first); if `fn` sends none, no transaction is opened.
 */
export async function withLazyTenant<T>(
  base: PrismaClient,
  scope: { orgId: string; userId: string },
  fn: (db: TenantDb) => Promise<T>,
): Promise<T> {
  let started: Promise<TenantDb> | undefined;
  let finished: Promise<unknown> | undefined;
  let finish!: (o: Outcome) => void;
  const done = new Promise<Outcome>((resolve) => (finish = resolve));
  const begin = () =>
    (started ??= new Promise<TenantDb>((resolve, reject) => {
      finished = scopedClient(base, { orgId: scope.orgId }).$transaction(async (tx) => {
        await setSessionVars(tx as unknown as TenantDb, scope);
        resolve(tx as unknown as TenantDb);
        const o = await done;
        if (!o.ok) throw o.error;
      }, TX_OPTIONS);
      finished.catch(reject);
    }));
  const db = deferredClient(begin);
  let result: T;
  try {
    result = await fn(db);
  } catch (error) {
    finish({ ok: false, error });
    if (finished) await finished.catch(() => {});
    throw error;
  }
  finish({ ok: true });
  if (started) {
    await started;
    await finished;
  }
  return result;
}

/** A TenantDb whose every call first waits for the transaction `begin` opens. */
function deferredClient(begin: () => Promise<TenantDb>): TenantDb {
  const call =
    (path: string[]) =>
    (...args: unknown[]) =>
      begin().then((tx) => {
        const owner = path
          .slice(0, -1)
          .reduce<Record<string, unknown>>(
            (o, k) => o[k] as Record<string, unknown>,
            tx as unknown as Record<string, unknown>,
          );
        return (owner[path.at(-1)!] as (...a: unknown[]) => unknown).apply(owner, args);
      });
  return new Proxy({} as TenantDb, {
    get(_t, prop) {
      if (typeof prop !== "string") return undefined;
      if (prop === "then") return undefined; // not a thenable
      if (prop.startsWith("$")) return call([prop]);
      return new Proxy({}, { get: (_m, op) => (typeof op === "string" ? call([prop, op]) : undefined) });
    },
  });
}
