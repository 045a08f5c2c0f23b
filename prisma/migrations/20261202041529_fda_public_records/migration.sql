-- AlterTable
ALTER TABLE "Inspection" ADD COLUMN     "fdaInspectionId" TEXT,
ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceDate" DATE;

-- AlterTable
ALTER TABLE "Recall" ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceDate" DATE;

-- AlterTable
ALTER TABLE "VendorQualityView" ADD COLUMN     "privateRecords" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "WarningLetter" ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceDate" DATE;
