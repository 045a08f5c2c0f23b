import type { UserDb } from "../db/user-scope";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

// The signed-in person's notifications. Every query also names the user, although row-level
// security already admits only their rows: the index is (userId, readAt, createdAt).

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  readAt: Date | null;
  createdAt: Date;
};

const SELECT = { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listNotifications(
  db: UserDb,
  userId: string,
  q: { cursor?: string | null; limit: number; unreadOnly?: boolean },
): Promise<{ items: NotificationItem[]; nextCursor: string | null }> {
  const where = { userId, ...(q.unreadOnly ? { readAt: null } : {}) };
  // A cursor that is not one of this user's rows starts from the top rather than failing.
  const cursorOk = q.cursor ? (await db.notification.count({ where: { ...where, id: q.cursor } })) > 0 : false;
  const rows = await db.notification.findMany({
    where,
    select: SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(cursorOk ? { cursor: { id: q.cursor! }, skip: 1 } : {}),
  });
  const hasMore = rows.length > q.limit;
  const items = (hasMore ? rows.slice(0, q.limit) : rows) as NotificationItem[];
  return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
}

export async function unreadCount(db: UserDb, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks one notification (or all unread) read; returns how many changed. Someone else's id changes nothing. */
export async function markRead(db: UserDb, userId: string, which: { id: string } | { all: true }): Promise<number> {
  const r = await db.notification.updateMany({
    where: { userId, readAt: null, ...("id" in which ? { id: which.id } : {}) },
    data: { readAt: new Date() },
  });
  return r.count;
}

/** E-mail on or off for every kind (on unless turned off). */
export async function getPreferences(
  db: UserDb,
  userId: string,
): Promise<{ kind: NotificationKind; email: boolean }[]> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true } });
  const off = new Set(rows.filter((r) => !r.email).map((r) => r.kind));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, email: !off.has(kind) }));
}

export async function setPreference(db: UserDb, userId: string, p: { kind: NotificationKind; email: boolean }) {
  await db.notificationPreference.upsert({
    where: { userId_kind: { userId, kind: p.kind } },
    create: { userId, kind: p.kind, email: p.email },
    update: { email: p.email },
  });
  return getPreferences(db, userId);
}
