import type { Prisma, PrismaClient } from "./generated/client";

// Sessions and password-reset tokens are under forced row-level security (migration
// auth_rows_are_not_readable_by_mistake): a query sees the rows that the settings below name,
// and nothing else. Only the auth code reaches them, through these two functions; a mistaken
// tx.authSession.findMany() or SELECT anywhere else returns nothing.

export type AuthScope = {
  /** app.user_id: this user's sessions (create one, revoke all). */
  userId?: string;
  /** app.session_id: this one session (look up, revoke). */
  sessionId?: string;
  /** app.reset_token: the reset token with this hash (issue, consume). */
  resetTokenHash?: string;
};

/** Run `fn` in one transaction whose auth settings are `scope` (the others empty). */
export async function withAuthScope<T>(
  base: PrismaClient,
  scope: AuthScope,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return base.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT
      set_config('app.user_id', ${scope.userId ?? ""}, true),
      set_config('app.session_id', ${scope.sessionId ?? ""}, true),
      set_config('app.reset_token', ${scope.resetTokenHash ?? ""}, true)`;
    return fn(tx);
  });
}
