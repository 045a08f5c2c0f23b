-- Finding 2 of issue 7: foreign-key actions bypass row-level security, so a CDMO removing its site
-- set siteId to NULL on warning letters and recalls a sponsor had recorded privately there.
-- Sites are now soft-deleted (removedAt) and every key that can point into another organisation's
-- rows is RESTRICT on delete and update; the one remaining cascade (ImportRow -> ImportRun)
-- includes organizationId in its key, so it stays inside one organisation.
-- DropForeignKey
ALTER TABLE "ImportRow" DROP CONSTRAINT "ImportRow_importId_fkey";

-- DropForeignKey
ALTER TABLE "Inspection" DROP CONSTRAINT "Inspection_siteId_fkey";

-- DropForeignKey
ALTER TABLE "Inspection" DROP CONSTRAINT "Inspection_vendorId_fkey";

-- DropForeignKey
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_userId_fkey";

-- DropForeignKey
ALTER TABLE "Recall" DROP CONSTRAINT "Recall_siteId_fkey";

-- DropForeignKey
ALTER TABLE "Recall" DROP CONSTRAINT "Recall_vendorId_fkey";

-- DropForeignKey
ALTER TABLE "VendorSite" DROP CONSTRAINT "VendorSite_vendorId_fkey";

-- DropForeignKey
ALTER TABLE "WarningLetter" DROP CONSTRAINT "WarningLetter_siteId_fkey";

-- DropForeignKey
ALTER TABLE "WarningLetter" DROP CONSTRAINT "WarningLetter_vendorId_fkey";

-- AlterTable
ALTER TABLE "VendorSite" ADD COLUMN     "removedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "ImportRun_id_organizationId_key" ON "ImportRun"("id", "organizationId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "VendorSite" ADD CONSTRAINT "VendorSite_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "VendorSite"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "WarningLetter" ADD CONSTRAINT "WarningLetter_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "WarningLetter" ADD CONSTRAINT "WarningLetter_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "VendorSite"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Recall" ADD CONSTRAINT "Recall_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Recall" ADD CONSTRAINT "Recall_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "VendorSite"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importId_organizationId_fkey" FOREIGN KEY ("importId", "organizationId") REFERENCES "ImportRun"("id", "organizationId") ON DELETE CASCADE ON UPDATE RESTRICT;
