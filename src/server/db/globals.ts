import type { PrismaClient } from "./generated/client";

// Reads of global (not tenant-owned) rows that request plumbing needs, as named functions:
// each is one statement and returns only the columns its caller uses.

export type SessionRow = { expiresAt: Date; createdAt: Date; userId: string; email: string; name: string; passwordChangedAt: Date };

/** A session and its user in one statement (every signed-in request does this). */
export async function findSessionWithUser(base: PrismaClient, sessionId: string): Promise<SessionRow | null> {
  const rows = await base.$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", s."createdAt", u.id AS "userId", u.email, u.name, u."passwordChangedAt"
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}`;
  return rows[0] ?? null;
}
