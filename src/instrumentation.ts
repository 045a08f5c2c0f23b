// Runs once when the server starts. Opening the database here means a misconfigured
// deployment (for example a superuser or BYPASSRLS role, under which row-level security
// would not isolate tenants) refuses to start instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./server/db/client");
  try {
    await getDb();
  } catch (e) {
    console.error(`\n✖ ${(e as Error).message}\n`);
    process.exit(1);
  }
}
