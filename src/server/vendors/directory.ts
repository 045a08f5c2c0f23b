import type { TenantDb } from "../db/tenant";
import type { VendorOrg } from "./context";
import { queryDirectory, type DirectoryPage } from "../db/sql/directory";
import { refreshStaleViews } from "./quality";
import type { TDirectoryInput } from "./schemas";

/**
 * The sponsor's directory page: platform profiles and its own private records, filtered,
 * sorted and paginated in the database. Views whose vendor's public history moved since they
 * were computed are refreshed first, so the quality columns match the profile page.
 */
export async function listDirectory(db: TenantDb, org: VendorOrg, input: TDirectoryInput): Promise<DirectoryPage> {
  await refreshStaleViews(db, org);
  return queryDirectory(db, org.id, input);
}
