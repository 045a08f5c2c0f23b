import { router } from "../trpc";
import { listDirectory } from "../../vendors/directory";
import { compareVendors, getMyProfile, getVendor } from "../../vendors/vendor-read";
import {
  archiveVendor, createPlatformProfile, createPrivateVendor, linkVendor, listPlatformProfiles, updateVendor,
} from "../../vendors/vendors";
import {
  ZArchiveVendorInput, ZCompareInput, ZDirectoryInput, ZLinkVendorInput, ZPlatformProfilesInput, ZUpdateVendorInput,
  ZVendorIdInput, ZVendorProfile,
} from "../../vendors/schemas";
import { vendorHistoryProcedures } from "./vendors-history";
import { vendorImportProcedures } from "./vendors-import";
import { vendorNotesProcedures } from "./vendors-notes";
import { actorOf, cdmoAdmin, cdmoRead, sponsorRead, sponsorWrite, vendorRead, vendorWrite } from "./vendors-procedures";

// The vendor directory: thin procedures over src/server/vendors. Input always carries orgSlug
// (resolved by orgProcedure); ctx.db is scoped to that organisation.

export const vendorsRouter = router({
  directory: sponsorRead.input(ZDirectoryInput).query(({ ctx, input }) => listDirectory(ctx.db, ctx.org, input)),
  get: vendorRead.input(ZVendorIdInput).query(({ ctx, input }) => getVendor(ctx.db, ctx.org, ctx.user.id, input.vendorId)),
  compare: vendorRead.input(ZCompareInput).query(({ ctx, input }) => compareVendors(ctx.db, ctx.org, input.vendorIds)),
  platformProfiles: sponsorRead.input(ZPlatformProfilesInput).query(({ ctx, input }) => listPlatformProfiles(ctx.db, input)),

  createPrivate: sponsorWrite
    .input(ZVendorProfile)
    .mutation(({ ctx, input }) => createPrivateVendor(ctx.db, actorOf(ctx.user), ctx.org, input)),
  update: vendorWrite.input(ZUpdateVendorInput).mutation(({ ctx, input }) => updateVendor(ctx.db, actorOf(ctx.user), ctx.org, input)),
  archive: vendorWrite.input(ZArchiveVendorInput).mutation(({ ctx, input }) => archiveVendor(ctx.db, actorOf(ctx.user), ctx.org, input)),
  link: sponsorWrite.input(ZLinkVendorInput).mutation(({ ctx, input }) => linkVendor(ctx.db, actorOf(ctx.user), ctx.org, input)),

  myProfile: cdmoRead.query(({ ctx }) => getMyProfile(ctx.db, ctx.org, ctx.user.id)),
  createProfile: cdmoAdmin
    .input(ZVendorProfile)
    .mutation(({ ctx, input }) => createPlatformProfile(ctx.db, actorOf(ctx.user), ctx.org, input)),

  ...vendorHistoryProcedures,
  ...vendorNotesProcedures,
  ...vendorImportProcedures,
});
