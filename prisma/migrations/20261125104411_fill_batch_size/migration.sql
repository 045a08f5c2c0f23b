-- Drug-product scale is a batch size in units, not litres (product.md: scales are bioreactor
-- litres and batch sizes).
-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "maxBatchUnits" INTEGER;
