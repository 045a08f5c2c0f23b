-- Quality scores are recency-weighted, so a cached score is only right for the day it was
-- computed. NULL (existing rows) means unknown: the daily refresh recomputes those first.
-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "qualityAsOf" DATE;

-- AlterTable
ALTER TABLE "VendorQualityView" ADD COLUMN     "qualityAsOf" DATE;
