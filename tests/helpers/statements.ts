import { onStatement } from "@/server/db/statement-log";

/** The SQL statements `work` sends, BEGIN and COMMIT included, in order (db/statement-log.ts). */
export async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = onStatement((sql) => seen.push(sql.trim()));
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

/** How many statements `work` sends. */
export const countStatements = async (work: () => Promise<unknown>) => (await statementsOf(work)).length;
