import { getCurrentUser } from "@/server/auth/current-user";
import { handleExport, handleExportCheck } from "@/server/export/http";

export const dynamic = "force-dynamic";
// Node.js, not the edge: the ZIP is streamed from Prisma reads and the file store.
export const runtime = "nodejs";

type Params = { params: Promise<{ orgSlug: string }> };

// GET /api/orgs/{orgSlug}/export: the organisation's data as a ZIP (src/server/export/).
export async function GET(req: Request, ctx: Params) {
  const { orgSlug } = await ctx.params;
  return handleExport(req, await getCurrentUser(), orgSlug);
}

// HEAD: would a GET be allowed now? (no body, nothing counted or recorded)
export async function HEAD(req: Request, ctx: Params) {
  const { orgSlug } = await ctx.params;
  return handleExportCheck(req, await getCurrentUser(), orgSlug);
}
