import { getDb } from "@/server/db/client";
import { PUBLIC_READ_MODELS, TENANT_MODELS } from "@/server/db/tenant";

/**
 * Every row of every tenant table that `orgId` reads (read through RLS as that org): its own
 * rows and what others share with it through its RFPs, as JSON. Other organisations' public
 * directory rows are left out: a CDMO publishing its own profile changes nothing of `orgId`'s.
 */
export async function snapshotOrg(orgId: string): Promise<string> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, orgId);
    const out: Record<string, unknown> = {};
    for (const model of [...TENANT_MODELS].sort()) {
      const own = PUBLIC_READ_MODELS.has(model) ? `WHERE t."organizationId" = $1` : "";
      // to_jsonb renders every column type (tsvector included) as text.
      out[model] = await tx.$queryRawUnsafe(
        `SELECT to_jsonb(t)::text AS row FROM "${model}" t ${own} ORDER BY 1`,
        ...(own ? [orgId] : []),
      );
    }
    return JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  });
}
