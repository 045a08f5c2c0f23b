import { z } from "zod";
import { CliError } from "../cli-error";
import type { Command } from "./types";

// `cdmo import-fda --file FILE [--kind inspections|warning-letters] [--as-of YYYY-MM-DD] [--dry-run]`
// The operator loads public FDA data once for everyone: a Data Dashboard inspection export or
// a warning-letter listing (told apart by the header unless --kind says). Rows become public
// records on the matching CDMOs' platform profiles, each with its source ("FDA Data Dashboard,
// <--as-of>", the day of the export; default today). Loading the same file again changes
// nothing. See src/server/vendors/fda-public.ts.

const KINDS = { inspections: "INSPECTIONS", "warning-letters": "WARNING_LETTERS" } as const;

export const importFda: Command = {
  description: "Load an FDA inspection export or warning-letter listing as public records for everyone.",
  flags: ["file", "kind", "as-of", "dry-run"],
  async run({ flags }) {
    if (!flags.file) throw new CliError("INVALID_ARGS", "--file FILE is required", ["file"]);
    const kindFlag = flags.kind;
    if (kindFlag !== undefined && !Object.hasOwn(KINDS, kindFlag))
      throw new CliError("INVALID_ARGS", `--kind must be inspections or warning-letters, not "${kindFlag}"`, ["kind"]);
    const asOf = flags["as-of"];
    if (asOf !== undefined && !z.iso.date().safeParse(asOf).success)
      throw new CliError("INVALID_ARGS", `--as-of must be the day of the export as YYYY-MM-DD, not "${asOf}"`, [
        "as-of",
      ]);
    const dryRun = flags["dry-run"] !== undefined && flags["dry-run"] !== "false";

    const [{ createDb }, { resolveDbTarget }, source, { AppError }, { todayIso }] = await Promise.all([
      import("../../server/db/client"),
      import("../../server/db/config"),
      import("../../server/vendors/fda-source"),
      import("../../server/errors/app-error"),
      import("../../server/vendors/quality"),
    ]);
    let file: { text: string; name: string };
    try {
      file = await source.readFdaSource(flags.file);
    } catch (e) {
      throw new CliError("INPUT_NOT_READABLE", (e as Error).message, ["file"]);
    }
    const handle = createDb(resolveDbTarget());
    try {
      await handle.ready;
      return await source.loadFdaText(handle.prisma, {
        ...file,
        kind: kindFlag ? KINDS[kindFlag as keyof typeof KINDS] : null,
        sourceDate: asOf ?? todayIso(),
        dryRun,
      });
    } catch (e) {
      if (e instanceof AppError) {
        const errors = (e as { errors?: { line: number; column: string }[] }).errors;
        const first = errors && [...errors].sort((a, b) => a.line - b.line)[0];
        throw new CliError("INVALID_FILE", e.message, first ? ["line", first.line, first.column] : []);
      }
      throw e;
    } finally {
      await handle.prisma.$disconnect();
      await handle.pglite?.close();
    }
  },
};
