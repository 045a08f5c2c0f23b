import { listDirectory } from "../../vendors/directory";
import { compareVendors, getMyProfile, getVendor } from "../../vendors/vendor-read";
import {
  archiveVendor,
  createPlatformProfile,
  createPrivateVendor,
  linkVendor,
  listPlatformProfiles,
  updateVendor,
} from "../../vendors/vendors";
import {
  ZArchiveVendorInput,
  ZCompareInput,
  ZDirectoryInput,
  ZLinkVendorInput,
  ZPlatformProfilesInput,
  ZUpdateVendorInput,
  ZVendorIdInput,
  ZVendorProfile,
} from "../../vendors/schemas";
import { vendorHistoryProcedures } from "./vendors-history";
import { vendorImportProcedures } from "./vendors-import";
import { vendorNotesProcedures } from "./vendors-notes";
import { actorOf } from "./vendors-procedures";
import { orgProcedure, router } from "../trpc";

// The vendor directory: thin procedures over src/server/vendors. Input always carries orgSlug
// (resolved by orgProcedure); ctx.db is scoped to that organisation.

export const vendorsRouter = router({
  directory: orgProcedure("directory.read")
    .input(ZDirectoryInput)
    .query(({ ctx, input }) => listDirectory(ctx.db, ctx.org, input)),
  get: orgProcedure("vendor.read")
    .input(ZVendorIdInput)
    .query(({ ctx, input }) => getVendor(ctx.db, ctx.org, ctx.user.id, input.vendorId)),
  compare: orgProcedure("vendor.read")
    .input(ZCompareInput)
    .query(({ ctx, input }) => compareVendors(ctx.db, ctx.org, input.vendorIds)),
  platformProfiles: orgProcedure("directory.read")
    .input(ZPlatformProfilesInput)
    .query(({ ctx, input }) => listPlatformProfiles(ctx.db, input)),

  createPrivate: orgProcedure("vendor.createPrivate")
    .input(ZVendorProfile)
    .mutation(({ ctx, input }) => createPrivateVendor(ctx.db, actorOf(ctx.user), ctx.org, input)),
  update: orgProcedure("vendor.write")
    .input(ZUpdateVendorInput)
    .mutation(({ ctx, input }) => updateVendor(ctx.db, actorOf(ctx.user), ctx.org, input)),
  archive: orgProcedure("vendor.write")
    .input(ZArchiveVendorInput)
    .mutation(({ ctx, input }) => archiveVendor(ctx.db, actorOf(ctx.user), ctx.org, input)),
  link: orgProcedure("vendor.createPrivate")
    .input(ZLinkVendorInput)
    .mutation(({ ctx, input }) => linkVendor(ctx.db, actorOf(ctx.user), ctx.org, input)),

  myProfile: orgProcedure("profile.read").query(({ ctx }) => getMyProfile(ctx.db, ctx.org, ctx.user.id)),
  createProfile: orgProcedure("profile.write")
    .input(ZVendorProfile)
    .mutation(({ ctx, input }) => createPlatformProfile(ctx.db, actorOf(ctx.user), ctx.org, input)),

  ...vendorHistoryProcedures,
  ...vendorNotesProcedures,
  ...vendorImportProcedures,
});
