import { getCurrentUser } from "@/server/auth/current-user";
import { fileRouteHeaders, handleUpload } from "@/server/files/http";

export const dynamic = "force-dynamic";
// Node.js, not the edge: the upload is spooled to disk and stored through Prisma.
export const runtime = "nodejs";

// Upload one file as the raw request body (src/server/files/http.ts says the parameters).
async function upload(req: Request) {
  return handleUpload(req, await getCurrentUser());
}

export { upload as POST, upload as PUT };

export function GET(req: Request) {
  return Response.json(
    { error: { message: "Upload files with POST; download them at /api/files/{id}." } },
    { status: 405, headers: fileRouteHeaders(req, { Allow: "POST, PUT" }) },
  );
}
