import type { PrismaClient } from "./generated/client";
import { AppError } from "../errors/app-error";
import { fullClientOf } from "./tenant-db";
import { scopedClient, setSessionVars, TX_OPTIONS, type Membership, type TenantDb } from "./tenant";

// The per-request side of tenancy: what orgProcedure calls. Cost rules (bench/README.md):
// - the membership is looked up inside the transaction, in the same statement that sets
//   app.user_id and app.org_id (one round trip, no separate transaction), and memoised per
//   request, so the other procedures of a batch (or a server-rendered page) do not repeat it;
// - queries share one transaction per request (withBatchMembership, below); a mutation has
//   its own (withMembership), which begins at its first statement, so a procedure that needs
//   no database opens none.

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
function deferredClient(begin: () => Promise<TenantDb>, track?: (p: Promise<unknown>) => void): TenantDb {
  const call =
    (path: string[]) =>
    (...args: unknown[]) => {
      const p = begin().then((tx) => {
        const owner = path
          .slice(0, -1)
          .reduce<Record<string, unknown>>(
            (o, k) => o[k] as Record<string, unknown>,
            tx as unknown as Record<string, unknown>,
          );
        return (owner[path.at(-1)!] as (...a: unknown[]) => unknown).apply(owner, args);
      });
      track?.(p);
      return p;
    };
  return new Proxy({} as TenantDb, {
    get(_t, prop) {
      if (typeof prop !== "string") return undefined;
      if (prop === "then") return undefined; // not a thenable
      if (prop.startsWith("$")) return call([prop]);
      return new Proxy({}, { get: (_m, op) => (typeof op === "string" ? call([prop, op]) : undefined) });
    },
  });
}

// ---------------------------------------------------------------------------------------
// One transaction per batch of queries.
//
// The org queries of one request (an HTTP batch, or one server render's calls) share one
// transaction, opened by the first of them. They take turns on it (a per-request mutex), and
// each turn:
// - sets app.user_id / app.org_id for its own organisation before any of its statements (the
//   membership lookup does this in its own statement; a known membership costs one set_config,
//   or nothing when the previous turn was the same organisation);
// - runs the procedure's statements inside a SAVEPOINT (sent with the first of them), released
//   at the end or rolled back to on error, so one procedure's failure undoes only its own work
//   and leaves the transaction usable for the others;
// - waits for every statement the procedure started before handing the transaction on, and
//   refuses statements the procedure sends after its turn, so no statement ever runs with
//   another procedure's organisation set.
// When no procedure is waiting or running (checked one macrotask later, so the rest of a
// batch, started in the same tick, has queued), the transaction commits, and each procedure
// returns its result only once that commit succeeded. A later call opens a new transaction.
// Mutations do not come here: each keeps its own transaction (withMembership), so a failed
// mutation can never undo another's committed work, nor a query's commit hold a mutation's.
// ---------------------------------------------------------------------------------------

/**
 * The per-request holder; createContext makes one, the first org query opens a transaction.
 * Its memberships memo is its own: a shared transaction must never wait for a lookup made in
 * a mutation's transaction (with one connection, as on PGlite, or a drained pool, that
 * transaction may be waiting for this one to end).
 */
export type RequestBatch = { open?: SharedTx; memberships: MembershipMemo };

type SharedTx = {
  scope: { orgId: string };
  tx: Promise<TenantDb>;
  committed: Promise<void>;
  finish: (o: Outcome) => void;
  /** Tail of the mutex: resolves when the last queued turn ends. */
  turns: Promise<void>;
  /** Procedures queued or running on this transaction. */
  pending: number;
  /** What app.org_id / app.user_id hold in the transaction right now. */
  settings: { orgId: string; userId: string } | null;
  /** Set when the transaction can no longer be used (BEGIN failed, a rollback failed). */
  broken?: unknown;
  /** Given up after its first procedure failed without a savepoint; rolled back. */
  retired?: boolean;
  closing: boolean;
  turnsTaken: number;
};

function openShared(base: PrismaClient): SharedTx {
  const scope = { orgId: "" };
  let finish!: (o: Outcome) => void;
  const done = new Promise<Outcome>((resolve) => (finish = resolve));
  let ready!: (tx: TenantDb) => void;
  let failed!: (e: unknown) => void;
  const tx = new Promise<TenantDb>((resolve, reject) => ((ready = resolve), (failed = reject)));
  tx.catch(() => {});
  const committed = scopedClient(base, scope)
    .$transaction(async (t) => {
      ready(t as unknown as TenantDb);
      const o = await done;
      if (!o.ok) throw o.error;
    }, TX_OPTIONS)
    .then(() => undefined);
  committed.catch((e) => failed(e));
  return {
    scope,
    tx,
    committed,
    finish,
    turns: Promise.resolve(),
    pending: 0,
    settings: null,
    closing: false,
    turnsTaken: 0,
  };
}

/** Commit once nobody is waiting or running, one macrotask after the last turn ended. */
function closeWhenIdle(batch: RequestBatch, s: SharedTx) {
  setImmediate(() => {
    if (s.pending > 0 || s.closing) return;
    s.closing = true;
    if (batch.open === s) batch.open = undefined;
    s.finish(s.broken ? { ok: false, error: s.broken } : { ok: true });
  });
}

/**
 * Run the org query `fn` as the user's membership in `orgSlug` on the request's shared
 * transaction (see above); NOT_FOUND (AppError) for a non-member.
 */
export async function withBatchMembership<T>(
  batch: RequestBatch,
  base: PrismaClient,
  userId: string,
  orgSlug: string,
  fn: (m: Membership, db: TenantDb) => Promise<T>,
): Promise<T> {
  for (;;) {
    const s = batch.open && !batch.open.closing ? batch.open : (batch.open = openShared(base));
    s.pending++;
    const previous = s.turns;
    let endTurn!: () => void;
    s.turns = new Promise<void>((resolve) => (endTurn = resolve));
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    try {
      await previous;
      // The transaction was given up (its first procedure failed without a savepoint):
      // start again on a new one.
      if (s.retired) continue;
      outcome = { ok: true, value: await turn(batch, s, userId, orgSlug, fn) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      endTurn();
      s.pending--;
      if (s.pending === 0) closeWhenIdle(batch, s);
    }
    try {
      await s.committed; // a result is reported only once its transaction has committed
    } catch (e) {
      if (outcome.ok) throw e;
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
}

async function turn<T>(
  batch: RequestBatch,
  s: SharedTx,
  userId: string,
  orgSlug: string,
  fn: (m: Membership, db: TenantDb) => Promise<T>,
): Promise<T> {
  if (s.broken) throw s.broken;
  const first = s.turnsTaken++ === 0;
  const tx = await s.tx;
  const raw = fullClientOf(tx);
  const memo = batch.memberships;
  const known = memo.get(orgSlug);
  // A lookup that failed in an earlier transaction of this request fails this call, not
  // this transaction.
  let m = known ? await known : null;
  try {
    if (known) {
      if (m && (s.settings?.orgId !== m.orgId || s.settings.userId !== userId)) {
        s.settings = null;
        await setSessionVars(tx, { orgId: m.orgId, userId });
        s.settings = { orgId: m.orgId, userId };
      }
    } else {
      const lookup = enterAsMember(tx, userId, orgSlug);
      lookup.catch(() => {}); // reported here; later callers see it through the memo
      memo.set(orgSlug, lookup);
      s.settings = null;
      m = await lookup;
      s.settings = { orgId: m?.orgId ?? "", userId };
    }
  } catch (e) {
    // Outside any savepoint: a failed lookup or set_config leaves the transaction aborted.
    s.broken = e;
    throw e;
  }
  if (!m) throw notMember();
  s.scope.orgId = m.orgId;

  // The procedure's own client: its first statement opens its savepoint; every statement is
  // tracked, so the turn ends only when all have settled; none may start after the turn.
  // The first procedure, while nobody else is queued, needs no savepoint: if it fails, the
  // whole transaction is its own, so it is rolled back and anyone queued since moves on to
  // a new one (the common single-query request pays no SAVEPOINT / RELEASE).
  let active = true;
  let savepoint: Promise<TenantDb> | undefined;
  let ownsTx = false;
  const inflight = new Set<Promise<unknown>>();
  const begin = () => {
    if (!active) return Promise.reject(new Error("A procedure used the database after it had finished."));
    if (!savepoint) {
      ownsTx = first && s.pending === 1;
      savepoint = ownsTx ? Promise.resolve(tx) : raw.$executeRaw`SAVEPOINT proc`.then(() => tx);
    }
    return savepoint;
  };
  const db = deferredClient(begin, (p) => {
    inflight.add(p);
    void p.then(
      () => inflight.delete(p),
      () => inflight.delete(p),
    );
  });
  const settle = async () => {
    while (inflight.size) await Promise.allSettled([...inflight]);
    active = false;
  };
  let result: T;
  try {
    result = await fn(m, db);
  } catch (error) {
    await settle();
    if (savepoint && ownsTx) {
      s.retired = true;
      s.closing = true;
      if (batch.open === s) batch.open = undefined;
      s.finish({ ok: false, error });
    } else if (savepoint) {
      try {
        await savepoint;
        await raw.$executeRaw`ROLLBACK TO SAVEPOINT proc`;
        await raw.$executeRaw`RELEASE SAVEPOINT proc`;
      } catch (e) {
        s.broken = e; // even the savepoint failed: the transaction is unusable
      }
    }
    throw error;
  }
  await settle();
  if (savepoint && !ownsTx) {
    try {
      await savepoint;
      await raw.$executeRaw`RELEASE SAVEPOINT proc`;
    } catch (e) {
      s.broken = e;
      throw e;
    }
  }
  return result;
}

/**
 * For tests: the RLS settings the transaction holds right now, and which organisations'
 * private vendor records row-level security alone lets through (no scoped-client filter).
 */
export async function rlsProbe(db: TenantDb): Promise<{ orgId: string; userId: string; privateVendorOrgs: string[] }> {
  const rows = await fullClientOf(db).$queryRaw<{ orgId: string; userId: string; privateVendorOrgs: string[] }[]>`
    SELECT current_setting('app.org_id', true) AS "orgId", current_setting('app.user_id', true) AS "userId",
      ARRAY(SELECT DISTINCT "organizationId" FROM "Vendor" WHERE NOT "isPublic" ORDER BY 1) AS "privateVendorOrgs"`;
  return rows[0]!;
}
