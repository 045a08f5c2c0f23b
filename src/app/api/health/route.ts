import { checkHealth } from "@/server/health/health";

export const dynamic = "force-dynamic";

// Public on purpose (no session): load balancers and uptime checks call it. It says whether this
// instance can serve, never anything about an organisation. 200 when ready, 503 otherwise.
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
