-- A CDMO removing one of its sites must not delete inspections that sponsors recorded there
-- privately (foreign-key actions bypass row-level security, so a cascade would reach them).
-- The app deletes the CDMO's own inspections first and refuses when others remain.
-- DropForeignKey
ALTER TABLE "Inspection" DROP CONSTRAINT "Inspection_siteId_fkey";

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "VendorSite"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
