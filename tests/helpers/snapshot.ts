import { getDb } from "@/server/db/client";
import { TENANT_MODELS } from "@/server/db/tenant";

/** Every row of every tenant table that belongs to `orgId`, as JSON (read through RLS as that org). */
export async function snapshotOrg(orgId: string): Promise<string> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, orgId);
    const out: Record<string, unknown> = {};
    for (const model of [...TENANT_MODELS].sort()) {
      // to_jsonb renders every column type (tsvector included) as text.
      out[model] = await tx.$queryRawUnsafe(`SELECT to_jsonb(t)::text AS row FROM "${model}" t ORDER BY 1`);
    }
    return JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  });
}
