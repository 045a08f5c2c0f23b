import { getDb } from "../db/client";
import { withAuthScope } from "../db/auth-scope";
import { findSessionWithUser } from "../db/globals";

// Sessions are rows, not just signed cookies: the JWT carries only the row id, and every
// request checks the row. Logging out deletes it; changing the password deletes them all.
// The rows are under row-level security: each function here names the session or the user
// it works on (db/auth-scope.ts), and no other query sees any session.

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

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

/** The user behind a session id, or null when the session was revoked or has expired. */
export async function resolveAuthSession(sessionId: string): Promise<SessionUser | null> {
  const row = await findSessionWithUser(await getDb(), sessionId);
  if (!row || row.expiresAt <= new Date() || row.createdAt < row.passwordChangedAt) return null;
  return { id: row.userId, email: row.email, name: row.name, sessionId };
}

export async function revokeSession(sessionId: string): Promise<void> {
  await withAuthScope(await getDb(), { sessionId }, (tx) => tx.authSession.deleteMany({ where: { id: sessionId } }));
}

export async function revokeAllSessions(userId: string): Promise<void> {
  await withAuthScope(await getDb(), { userId }, (tx) => tx.authSession.deleteMany({ where: { userId } }));
}
