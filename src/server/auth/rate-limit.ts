import { createHash } from "node:crypto";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { limiterStore, RATE_LIMIT_TABLE, type LimiterStore } from "../db/rate-limit-store";
import { AppError } from "../errors/app-error";

// Authentication limits (and the upload limit). Counters live in Redis or PostgreSQL (src/server/db/rate-limit-store.ts)
// so they hold across instances; keys are hashed, so the table holds no e-mail addresses.
// Every limit answers the same way whether or not the account exists.
const SPECS = {
  /** Sign-in attempts for one account from one address: the 11th within 15 minutes is refused. */
  loginAccountIp: { points: 10, duration: 15 * 60 },
  /** Sign-in attempts from one address, whatever the account. */
  loginIp: { points: 100, duration: 15 * 60 },
  /** Failed sign-ins for one account from anywhere (slow, distributed guessing). Known devices are exempt. */
  loginAccount: { points: 50, duration: 60 * 60 },
  /** Sign-in attempts from one known device (signed cookie), which skips the limits above. */
  loginDevice: { points: 10, duration: 15 * 60 },
  passwordReset: { points: 5, duration: 60 * 60 },
  /** Sign-ups (and invitation sign-ups) from one address. */
  signUp: { points: 20, duration: 60 * 60 },
  /** "Someone tried to sign up with your address" e-mails to one address. */
  signUpNotice: { points: 3, duration: 24 * 60 * 60 },
  /** Change-password attempts by one user (each one checks the current password). */
  changePassword: { points: 5, duration: 15 * 60 },
  /** Password re-entries to sign a decision, per user: a stolen session cannot guess the password through it. */
  signDecision: { points: 5, duration: 15 * 60 },
  /** File uploads by one user (each spools up to FILE_MAX_BYTES to disk before it is checked). */
  fileUpload: { points: 60, duration: 10 * 60 },
  // Expensive procedures, per user (orgProcedure(permission, { limit })): generous for a person
  // at work, a ceiling for a script or a stolen session hammering the server.
  /** CSV and XLSX exports (audit trail, responses, scorecards): each reads and formats a whole table. */
  export: { points: 60, duration: 10 * 60 },
  /** Whole-organisation exports (every table and every file in one ZIP): a few a day is plenty. */
  orgExport: { points: 5, duration: 60 * 60 },
  /** The decision report PDF: optimiser, Monte Carlo and PDF layout on the server, seconds of CPU each. */
  report: { points: 12, duration: 10 * 60 },
  /** Imports started (each stages a file of up to 20,000 rows). */
  importStart: { points: 30, duration: 60 * 60 },
  /** Import chunks, previews and commits (an import is a few dozen of these). */
  importStep: { points: 600, duration: 10 * 60 },
  /** Monte Carlo results saved (each stores a run's percentiles and histogram). */
  simulation: { points: 120, duration: 10 * 60 },
} as const;

/** The limits a procedure can declare (orgProcedure's `limit`), counted per user. */
export const PROCEDURE_LIMITS = ["export", "report", "importStart", "importStep", "simulation"] as const;
export type ProcedureLimit = (typeof PROCEDURE_LIMITS)[number];

/** How a per-user procedure limit says no: what happened, and when to try again. */
export function procedureLimitMessage(limit: LimitName, retryAfterSeconds: number): string {
  const { points, duration } = SPECS[limit];
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return (
    `You have done this ${points} times in ${duration / 60} minutes, the most we allow; ` +
    `try again in ${minutes} minute${minutes > 1 ? "s" : ""}.`
  );
}

export type LimitName = keyof typeof SPECS;

const built = new Map<string, Map<LimitName, RateLimiterAbstract>>();

function create(store: LimiterStore, name: LimitName): RateLimiterAbstract {
  const opts = { keyPrefix: name, ...SPECS[name] };
  switch (store.kind) {
    case "redis":
      return new RateLimiterRedis({ ...opts, storeClient: store.client });
    case "postgres":
      // The table comes from a migration; the library must not try to create it (the app role cannot).
      return new RateLimiterPostgres({
        ...opts,
        storeClient: store.pool,
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        clearExpiredByTimeout: true,
      });
    case "memory":
      return new RateLimiterMemory(opts);
  }
}

async function limiter(name: LimitName): Promise<RateLimiterAbstract> {
  const store = await limiterStore();
  let byName = built.get(store.id);
  if (!byName) built.set(store.id, (byName = new Map()));
  let l = byName.get(name);
  if (!l) byName.set(name, (l = create(store, name)));
  return l;
}

const hashKey = (key: string) => createHash("sha256").update(key.trim().toLowerCase()).digest("base64url");

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Take one point; when none is left, say how long until the next one. */
export async function take(name: LimitName, key: string): Promise<LimitResult> {
  try {
    await (await limiter(name)).consume(hashKey(key));
    return { ok: true };
  } catch (e) {
    if (e instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    throw e;
  }
}

/** Whether a point is left, without taking it (a check before a download the browser then starts). */
export async function peek(name: LimitName, key: string): Promise<LimitResult> {
  const res = await (await limiter(name)).get(hashKey(key));
  if (!res || res.remainingPoints > 0) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

export const tooManyMessage = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts, try again in ${minutes} minute${minutes > 1 ? "s" : ""}.`;
};

/** An AppError that also carries Retry-After (the tRPC route sends it as a header). */
export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message = tooManyMessage(retryAfterSeconds)) {
    super("TOO_MANY_REQUESTS", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Take one point or throw TOO_MANY_REQUESTS with a retry hint. */
export async function consume(name: LimitName, key: string): Promise<void> {
  const r = await take(name, key);
  if (!r.ok) throw new TooManyRequestsError(r.retryAfterSeconds);
}

/** A procedure's per-user limit: one point, or TOO_MANY_REQUESTS saying what and when. */
export async function consumeProcedureLimit(limit: ProcedureLimit, userId: string): Promise<void> {
  const r = await take(limit, userId);
  if (!r.ok) throw new TooManyRequestsError(r.retryAfterSeconds, procedureLimitMessage(limit, r.retryAfterSeconds));
}

/** Give back points (a successful attempt should not count against the user). */
export async function reward(name: LimitName, key: string, points = 1): Promise<void> {
  await (await limiter(name)).reward(hashKey(key), points);
}

export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await (await limiter(name)).delete(hashKey(key));
}
