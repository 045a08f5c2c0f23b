import { getCurrentUser } from "@/server/auth/current-user";
import { handleDownload } from "@/server/files/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Download one file: GET /api/files/{fileId}?orgSlug={the organisation the reader acts in}.
export async function GET(req: Request, ctx: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await ctx.params;
  return handleDownload(req, await getCurrentUser(), fileId);
}
