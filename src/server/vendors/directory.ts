import type { TenantDb } from "../db/tenant";
import type { VendorOrg } from "./context";
import { queryDirectory, type DirectoryPage } from "../db/sql/directory";
import type { TDirectoryInput } from "./schemas";

/**
 * The sponsor's directory page: platform profiles and its own private records, filtered,
 * sorted and paginated in the database. The quality columns read the cached scores as they
 * are: the quality.views job recomputes sponsors' views after an owner's change, and the daily
 * quality.refresh job ages them (src/server/jobs/).
 */
export async function listDirectory(db: TenantDb, org: VendorOrg, input: TDirectoryInput): Promise<DirectoryPage> {
  return queryDirectory(db, org.id, input);
}
