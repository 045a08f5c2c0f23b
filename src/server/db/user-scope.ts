import type { Prisma, PrismaClient } from "./generated/client";
import { getDb } from "./client";
import { TX_OPTIONS } from "./tenant";

// A person's own rows: notifications and notification preferences (forced row-level security
// on app.user_id, migration programmes_rfps_and_responses). Code handed a UserDb sees only
// those two delegates, in a transaction whose settings name this user and no organisation, so
// it can read or mark no one else's notification even with a mistaken `where`.

type Tx = Prisma.TransactionClient;
export type UserDb = Pick<Tx, "notification" | "notificationPreference">;

/** Run `fn` in one transaction as user `userId` (app.user_id set; app.org_id and the rest empty). */
export async function withUserScope<T>(base: PrismaClient, userId: string, fn: (db: UserDb) => Promise<T>): Promise<T> {
  if (!userId) throw new Error("withUserScope needs a user");
  return base.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT
      set_config('app.user_id', ${userId}, true),
      set_config('app.org_id', '', true),
      set_config('app.invite_token', '', true)`;
    return fn(tx);
  }, TX_OPTIONS);
}

/** withUserScope on the application's database (what the notification procedures use). */
export async function asUser<T>(userId: string, fn: (db: UserDb) => Promise<T>): Promise<T> {
  return withUserScope(await getDb(), userId, fn);
}
