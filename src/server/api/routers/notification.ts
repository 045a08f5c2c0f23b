import { protectedProcedure, router } from "../trpc";
import { asUser } from "../../db/user-scope";
import { getPreferences, listNotifications, markRead, setPreference, unreadCount } from "../../notifications/inbox";
import { ZMarkReadInput, ZNotificationListInput, ZSetPreferenceInput } from "../../notifications/schemas";

// Notifications are personal, not an organisation's: user-level procedures, each in a
// transaction scoped to the signed-in user (row-level security on app.user_id).
export const notificationRouter = router({
  list: protectedProcedure
    .input(ZNotificationListInput)
    .query(({ ctx, input }) => asUser(ctx.user.id, (db) => listNotifications(db, ctx.user.id, input))),
  unreadCount: protectedProcedure.query(({ ctx }) => asUser(ctx.user.id, (db) => unreadCount(db, ctx.user.id))),
  markRead: protectedProcedure.input(ZMarkReadInput).mutation(async ({ ctx, input }) => ({
    updated: await asUser(ctx.user.id, (db) => markRead(db, ctx.user.id, input)),
  })),
  preferences: protectedProcedure.query(({ ctx }) => asUser(ctx.user.id, (db) => getPreferences(db, ctx.user.id))),
  setPreference: protectedProcedure
    .input(ZSetPreferenceInput)
    .mutation(({ ctx, input }) => asUser(ctx.user.id, (db) => setPreference(db, ctx.user.id, input))),
});
