import { getOverview } from "../../overview/overview";
import { orgProcedure, router } from "../trpc";

// The overview page's one read: what needs the organisation's attention (src/server/overview).
export const overviewRouter = router({
  get: orgProcedure("overview.read").query(({ ctx }) => getOverview(ctx.db, ctx.org)),
});
