import { readFile } from "node:fs/promises";
import path from "node:path";
import { can } from "../../server/auth/permissions";
import { CliError } from "../cli-error";
import type { Command } from "./types";

// `cdmo import-inspections --org SLUG --file FILE [--kind inspections|warning-letters] [--dry-run]`
// An operator tool: imports an FDA CSV into one sponsor organisation through the same service
// functions as the web import (parse -> validate -> plan -> commit), all in one transaction
// run as that organisation (RLS applies). Rows already on the public record are counted as
// alreadyPublic and not copied; `cdmo import-fda` loads FDA data publicly for everyone. Database modules are loaded only when this command
// runs, so the decision commands stay fast.

const KINDS = { inspections: "INSPECTIONS", "warning-letters": "WARNING_LETTERS" } as const;

type Issue = { line: number; column: string; message: string };

/** Exit 2 naming the first bad cell: path ["line", 7, "Inspection End Date"]. */
function invalidFile(errors: Issue[], format: (e: Issue) => string): CliError {
  const first = [...errors].sort((a, b) => a.line - b.line)[0]!;
  const n = errors.length;
  return new CliError(
    "INVALID_FILE",
    `${format(first)} (${n} error${n === 1 ? "" : "s"} in the file; nothing was imported)`,
    ["line", first.line, first.column],
  );
}

class DryRun {
  constructor(readonly result: unknown) {}
}

export const importInspections: Command = {
  description: "Import an FDA inspection-classification or warning-letter CSV into a sponsor organisation.",
  flags: ["org", "file", "kind", "dry-run"],
  async run({ flags }) {
    if (!flags.org) throw new CliError("INVALID_ARGS", "--org SLUG is required", ["org"]);
    if (!flags.file) throw new CliError("INVALID_ARGS", "--file FILE is required", ["file"]);
    const kindFlag = flags.kind ?? "inspections";
    if (!Object.hasOwn(KINDS, kindFlag))
      throw new CliError("INVALID_ARGS", `--kind must be inspections or warning-letters, not "${kindFlag}"`, ["kind"]);
    const kind = KINDS[kindFlag as keyof typeof KINDS];
    const dryRun = flags["dry-run"] !== undefined && flags["dry-run"] !== "false";

    let text: string;
    try {
      text = await readFile(flags.file, "utf8");
    } catch (e) {
      throw new CliError("INPUT_NOT_READABLE", `cannot read ${flags.file}: ${(e as Error).message}`, ["file"]);
    }
    const { parseCsvText } = await import("../../server/vendors/csv-file");
    const csv = parseCsvText(text);
    const { missingColumn, formatIssue, parseInspectionRow, parseLetterRow } =
      await import("../../server/vendors/import-csv");
    const missing = missingColumn(kind, csv.header);
    if (missing) throw new CliError("INVALID_FILE", `the file has no "${missing}" column`, ["header", missing]);
    // Validate every row before opening the database (the service checks them again while staging).
    const parse = kind === "INSPECTIONS" ? parseInspectionRow : parseLetterRow;
    const rowErrors = csv.rows.flatMap((r) => {
      const p = parse(r.line, r.data);
      return p.ok ? [] : p.errors;
    });
    if (rowErrors.length) throw invalidFile(rowErrors, formatIssue);

    const [{ createDb }, { resolveDbTarget }, { withTenant }, svc, { AppError }, { organizationBySlug }] =
      await Promise.all([
        import("../../server/db/client"),
        import("../../server/db/config"),
        import("../../server/db/tenant"),
        import("../../server/vendors/import-service"),
        import("../../server/errors/app-error"),
        import("../../server/db/globals"),
      ]);
    const handle = createDb(resolveDbTarget());
    try {
      await handle.ready;
      const db = handle.prisma;
      const found = await organizationBySlug(db, flags.org);
      if (!found) throw new CliError("NOT_FOUND", `no organisation with slug "${flags.org}"`, ["org"]);
      // The shell user is not a member: the CLI acts as the operator, which holds only the
      // permissions listed for OPERATOR in permissions.ts, and is audited as no user (null).
      const org = { id: found.id, kind: found.kind, role: "OPERATOR" as const };
      if (!can(org, "vendor.import"))
        throw new CliError("INVALID_ARGS", `"${flags.org}" is a CDMO; imports go into sponsor organisations`, ["org"]);
      const base = { org: found.slug, kind: kindFlag, file: path.basename(flags.file), rows: csv.rows.length, dryRun };
      try {
        return await withTenant(db, { orgId: org.id }, async (tx) => {
          const { importId } = await svc.startImport(tx, null, org, {
            kind,
            fileName: path.basename(flags.file!),
            totalRows: csv.rows.length,
            header: csv.header,
          });
          const errors: { line: number; column: string; message: string }[] = [];
          for (let i = 0; i < csv.rows.length; i += 1000) {
            const res = await svc.stageRows(tx, org, { importId, rows: csv.rows.slice(i, i + 1000) });
            errors.push(...res.errors);
          }
          if (errors.length) throw invalidFile(errors, formatIssue);
          const preview = await svc.previewImport(tx, org, { importId });
          const report = {
            ...base,
            created: preview.create,
            updated: preview.update,
            unchanged: preview.unchanged,
            alreadyPublic: preview.alreadyPublic,
            unmatched: preview.unmatchedTotal,
            unmatchedRows: preview.unmatched,
            vendors: preview.vendors,
          };
          // A dry run plans everything, then rolls the transaction back.
          if (dryRun) throw new DryRun(report);
          const done = await svc.commitImport(tx, null, org, { importId });
          return { ...report, ...done };
        });
      } catch (e) {
        if (e instanceof DryRun) return e.result;
        if (e instanceof AppError)
          throw new CliError(e.code === "NOT_FOUND" ? "NOT_FOUND" : "INVALID_FILE", e.message, []);
        throw e;
      }
    } finally {
      await handle.prisma.$disconnect();
      await handle.pglite?.close();
    }
  },
};
