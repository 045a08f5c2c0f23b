import { getDb } from "../db/client";
import { withAuthScope } from "../db/auth-scope";
import { findSessionWithUser } from "../db/globals";

// Sessions are rows, not just signed cookies: the JWT carries only the row id, and every
// request checks the row. Logging out deletes it; changing the password deletes them all.
// The rows are under row-level security: each function here names the session or the user
// it works on (db/auth-scope.ts), and no other query sees any session.

/** Absolute lifetime: a session ends 30 days after sign-in, however active. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** Inactivity: a session unused for 12 hours ends (a laptop left signed in overnight). */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** lastSeenAt is written at most this often per session, so a busy page costs no write per request. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export type SessionUser = { id: string; email: string; name: string; sessionId: string };

export async function createAuthSession(userId: string, userAgent?: string | null): Promise<string> {
  const row = await withAuthScope(await getDb(), { userId }, (tx) =>
    tx.authSession.create({
      data: {
        userId,
        userAgent: userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      },
      select: { id: true },
    }),
  );
  return row.id;
}

/** Why a session row no longer signs anyone in, or null while it does. */
export function sessionEnded(
  row: { expiresAt: Date; createdAt: Date; lastSeenAt: Date; passwordChangedAt: Date },
  now = new Date(),
): "expired" | "idle" | "password-changed" | null {
  if (row.expiresAt <= now) return "expired";
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_SECONDS * 1000) return "idle";
  if (row.createdAt < row.passwordChangedAt) return "password-changed";
  return null;
}

/** The user behind a session id, or null when the session was revoked, has expired or sat idle. */
export async function resolveAuthSession(sessionId: string, now = new Date()): Promise<SessionUser | null> {
  const db = await getDb();
  const row = await findSessionWithUser(db, sessionId);
  if (!row || sessionEnded(row, now)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    // The row's policy checks writes against app.user_id, so both are named.
    await withAuthScope(db, { sessionId, userId: row.userId }, (tx) =>
      tx.authSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } }),
    );
  }
  return { id: row.userId, email: row.email, name: row.name, sessionId };
}

export type SessionInfo = { id: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date; current: boolean };

/** The user's sessions that still sign in, most recently used first. */
export async function listSessions(user: SessionUser, now = new Date()): Promise<SessionInfo[]> {
  const rows = await withAuthScope(await getDb(), { userId: user.id }, (tx) =>
    tx.authSession.findMany({
      where: {
        userId: user.id,
        expiresAt: { gt: now },
        lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000) },
      },
      select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
      orderBy: { lastSeenAt: "desc" },
    }),
  );
  return rows.map((r) => ({ ...r, current: r.id === user.sessionId }));
}

/** Sign one of the user's own sessions out (another user's session id changes nothing). */
export async function revokeOwnSession(user: SessionUser, sessionId: string): Promise<{ revoked: number }> {
  const r = await withAuthScope(await getDb(), { userId: user.id }, (tx) =>
    tx.authSession.deleteMany({ where: { id: sessionId, userId: user.id } }),
  );
  return { revoked: r.count };
}

/** "Sign out everywhere else": every session of the user but the one making the request. */
export async function revokeOtherSessions(user: SessionUser): Promise<{ revoked: number }> {
  const r = await withAuthScope(await getDb(), { userId: user.id }, (tx) =>
    tx.authSession.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } }),
  );
  return { revoked: r.count };
}

export async function revokeSession(sessionId: string): Promise<void> {
  await withAuthScope(await getDb(), { sessionId }, (tx) => tx.authSession.deleteMany({ where: { id: sessionId } }));
}

export async function revokeAllSessions(userId: string): Promise<void> {
  await withAuthScope(await getDb(), { userId }, (tx) => tx.authSession.deleteMany({ where: { userId } }));
}
