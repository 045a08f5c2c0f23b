import { readFileSync } from "node:fs";
import { TRPCError } from "@trpc/server";
import { parseCsvText } from "@/server/vendors/csv-file";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./actors";

export const code = (c: string) => (e: unknown) => e instanceof TRPCError && e.code === c;

export const profile = (over: Record<string, unknown> = {}) => ({
  name: "Test Vendor",
  legalName: null,
  hqCountry: "US",
  hqCity: "Boston",
  website: null,
  summary: null,
  stages: ["DS_CLIN"],
  modalities: ["MAB"],
  certifications: [],
  scaleTiers: ["CLINICAL"],
  maxBioreactorLitres: null,
  maxBatchUnits: null,
  ...over,
});

export type TestOrg = { id: string; slug: string; owner: TestUser; evaluator: TestUser; viewer: TestUser };

/** A sponsor with an owner, an evaluator and a viewer (CDMO: owner, admin, responder). */
export async function makeTeam(kind: "SPONSOR" | "CDMO", name?: string): Promise<TestOrg> {
  const owner = await makeUser(`${kind.toLowerCase()}-owner`);
  const org = await makeOrg(kind, owner, name);
  const evaluator = await makeUser(`${kind.toLowerCase()}-eval`);
  const viewer = await makeUser(`${kind.toLowerCase()}-viewer`);
  await addMember(org.id, evaluator, kind === "SPONSOR" ? "EVALUATOR" : "RESPONDER");
  await addMember(org.id, viewer, kind === "SPONSOR" ? "VIEWER" : "RESPONDER");
  return { ...org, owner, evaluator, viewer };
}

/** Reads a CSV file and sends it through importStart + importStage, like the browser does. */
export async function stageCsv(
  user: TestUser,
  orgSlug: string,
  file: string,
  kind: "INSPECTIONS" | "WARNING_LETTERS" = "INSPECTIONS",
) {
  const csv = parseCsvText(readFileSync(file, "utf8"));
  const api = callerFor(user).vendors;
  const { importId } = await api.importStart({
    orgSlug,
    kind,
    fileName: file.split("/").pop()!,
    totalRows: csv.rows.length,
    header: csv.header,
  });
  const errors: { line: number; column: string; message: string }[] = [];
  for (let i = 0; i < csv.rows.length; i += 400) {
    const r = await api.importStage({ orgSlug, importId, rows: csv.rows.slice(i, i + 400) });
    errors.push(...r.errors);
  }
  return { importId, errors, rows: csv.rows.length };
}
