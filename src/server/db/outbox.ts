import type { Prisma, PrismaClient } from "./generated/client";

// The e-mail outbox is write-only for the application (row-level security, migration
// outbox_is_not_readable_by_mistake): reading, updating or deleting messages needs
// app.outbox = 'on', which only this function sets, for one transaction. Use it for the
// /dev/outbox page, for delivery and in tests; never inside a tenant transaction.

export async function withOutboxAccess<T>(
  base: PrismaClient,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return base.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('app.outbox', 'on', true)`;
    return fn(tx);
  });
}
