-- CreateEnum
CREATE TYPE "VendorKind" AS ENUM ('PLATFORM', 'PRIVATE');

-- CreateEnum
CREATE TYPE "InspectionClassification" AS ENUM ('NAI', 'VAI', 'OAI');

-- CreateEnum
CREATE TYPE "WarningLetterStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('INSPECTIONS', 'WARNING_LETTERS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('STAGING', 'COMMITTED', 'DISCARDED');

-- CreateTable
CREATE TABLE "Vendor" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "kind" "VendorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT,
    "hqCountry" TEXT,
    "hqCity" TEXT,
    "website" TEXT,
    "summary" TEXT,
    "stages" TEXT[],
    "modalities" TEXT[],
    "certifications" TEXT[],
    "scaleTiers" TEXT[],
    "maxBioreactorLitres" INTEGER,
    "regions" TEXT[],
    "linkedVendorId" TEXT,
    "qualityScore" DOUBLE PRECISION,
    "hasOpenWarningLetter" BOOLEAN NOT NULL DEFAULT false,
    "lastInspectionAt" TIMESTAMP(3),
    "searchText" TEXT NOT NULL DEFAULT '',
    "searchVector" tsvector,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorSite" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "vendorId" TEXT NOT NULL,
    "name" TEXT,
    "country" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "state" TEXT,
    "feiNumber" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "vendorId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "agency" TEXT NOT NULL DEFAULT 'FDA',
    "endDate" DATE NOT NULL,
    "classification" "InspectionClassification" NOT NULL,
    "observations483" INTEGER,
    "citations" TEXT,
    "productType" TEXT,
    "projectArea" TEXT,
    "fiscalYear" INTEGER,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WarningLetter" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "vendorId" TEXT NOT NULL,
    "siteId" TEXT,
    "issuedAt" DATE NOT NULL,
    "subject" TEXT NOT NULL,
    "issuingOffice" TEXT,
    "status" "WarningLetterStatus" NOT NULL,
    "closedAt" DATE,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WarningLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recall" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "vendorId" TEXT NOT NULL,
    "siteId" TEXT,
    "date" DATE NOT NULL,
    "classification" TEXT,
    "product" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorNote" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VendorNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorTag" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "VendorTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorQualityView" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "qualityScore" DOUBLE PRECISION,
    "hasOpenWarningLetter" BOOLEAN NOT NULL DEFAULT false,
    "lastInspectionAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorQualityView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "totalRows" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'STAGING',
    "summary" JSONB,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Vendor_organizationId_idx" ON "Vendor"("organizationId");

-- CreateIndex
CREATE INDEX "Vendor_isPublic_archivedAt_idx" ON "Vendor"("isPublic", "archivedAt");

-- CreateIndex
CREATE INDEX "Vendor_qualityScore_idx" ON "Vendor"("qualityScore");

-- CreateIndex
CREATE INDEX "Vendor_stages_idx" ON "Vendor" USING GIN ("stages");

-- CreateIndex
CREATE INDEX "Vendor_modalities_idx" ON "Vendor" USING GIN ("modalities");

-- CreateIndex
CREATE INDEX "Vendor_regions_idx" ON "Vendor" USING GIN ("regions");

-- CreateIndex
CREATE INDEX "Vendor_searchVector_idx" ON "Vendor" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "VendorSite_vendorId_idx" ON "VendorSite"("vendorId");

-- CreateIndex
CREATE INDEX "VendorSite_feiNumber_idx" ON "VendorSite"("feiNumber");

-- CreateIndex
CREATE INDEX "Inspection_vendorId_endDate_idx" ON "Inspection"("vendorId", "endDate");

-- CreateIndex
CREATE INDEX "Inspection_siteId_idx" ON "Inspection"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_organizationId_sourceKey_key" ON "Inspection"("organizationId", "sourceKey");

-- CreateIndex
CREATE INDEX "WarningLetter_vendorId_issuedAt_idx" ON "WarningLetter"("vendorId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WarningLetter_organizationId_sourceKey_key" ON "WarningLetter"("organizationId", "sourceKey");

-- CreateIndex
CREATE INDEX "Recall_vendorId_date_idx" ON "Recall"("vendorId", "date");

-- CreateIndex
CREATE INDEX "VendorNote_organizationId_vendorId_idx" ON "VendorNote"("organizationId", "vendorId");

-- CreateIndex
CREATE INDEX "VendorTag_organizationId_tag_idx" ON "VendorTag"("organizationId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "VendorTag_organizationId_vendorId_tag_key" ON "VendorTag"("organizationId", "vendorId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "VendorQualityView_organizationId_vendorId_key" ON "VendorQualityView"("organizationId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_organizationId_userId_name_key" ON "SavedFilter"("organizationId", "userId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRow_importId_line_key" ON "ImportRow"("importId", "line");

-- AddForeignKey
ALTER TABLE "VendorSite" ADD CONSTRAINT "VendorSite_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "VendorSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningLetter" ADD CONSTRAINT "WarningLetter_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningLetter" ADD CONSTRAINT "WarningLetter_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "VendorSite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recall" ADD CONSTRAINT "Recall_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recall" ADD CONSTRAINT "Recall_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "VendorSite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Row-level security for the vendor directory (hand-written; keep below Prisma's SQL).
-- Readable: own rows, plus public rows for any signed-in organisation. Writable: own rows
-- only, and only a CDMO may publish, and only on its own platform profile.
-- ---------------------------------------------------------------------------

ALTER TABLE "Vendor" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Vendor" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Vendor"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK (
    "organizationId" = current_setting('app.org_id', true)
    AND "isPublic" = ("kind" = 'PLATFORM')
    AND ("kind" <> 'PLATFORM' OR EXISTS (
      SELECT 1 FROM "Organization" o WHERE o.id = current_setting('app.org_id', true) AND o.kind = 'CDMO'))
  );
CREATE POLICY public_read ON "Vendor" FOR SELECT
  USING ("isPublic" AND coalesce(current_setting('app.org_id', true), '') <> '');

ALTER TABLE "VendorSite" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "VendorSite" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "VendorSite"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK (
    "organizationId" = current_setting('app.org_id', true)
    AND (NOT "isPublic" OR EXISTS (
      SELECT 1 FROM "Vendor" v WHERE v.id = "vendorId" AND v."organizationId" = current_setting('app.org_id', true) AND v.kind = 'PLATFORM'))
  );
CREATE POLICY public_read ON "VendorSite" FOR SELECT
  USING ("isPublic" AND coalesce(current_setting('app.org_id', true), '') <> '');

ALTER TABLE "Inspection" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Inspection" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Inspection"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK (
    "organizationId" = current_setting('app.org_id', true)
    AND (NOT "isPublic" OR EXISTS (
      SELECT 1 FROM "Vendor" v WHERE v.id = "vendorId" AND v."organizationId" = current_setting('app.org_id', true) AND v.kind = 'PLATFORM'))
  );
CREATE POLICY public_read ON "Inspection" FOR SELECT
  USING ("isPublic" AND coalesce(current_setting('app.org_id', true), '') <> '');

ALTER TABLE "WarningLetter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WarningLetter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WarningLetter"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK (
    "organizationId" = current_setting('app.org_id', true)
    AND (NOT "isPublic" OR EXISTS (
      SELECT 1 FROM "Vendor" v WHERE v.id = "vendorId" AND v."organizationId" = current_setting('app.org_id', true) AND v.kind = 'PLATFORM'))
  );
CREATE POLICY public_read ON "WarningLetter" FOR SELECT
  USING ("isPublic" AND coalesce(current_setting('app.org_id', true), '') <> '');

ALTER TABLE "Recall" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Recall" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Recall"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK (
    "organizationId" = current_setting('app.org_id', true)
    AND (NOT "isPublic" OR EXISTS (
      SELECT 1 FROM "Vendor" v WHERE v.id = "vendorId" AND v."organizationId" = current_setting('app.org_id', true) AND v.kind = 'PLATFORM'))
  );
CREATE POLICY public_read ON "Recall" FOR SELECT
  USING ("isPublic" AND coalesce(current_setting('app.org_id', true), '') <> '');

-- Private to their organisation, always.
ALTER TABLE "VendorNote" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "VendorNote" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "VendorNote"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));

ALTER TABLE "VendorTag" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "VendorTag" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "VendorTag"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));

ALTER TABLE "VendorQualityView" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "VendorQualityView" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "VendorQualityView"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));

ALTER TABLE "SavedFilter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SavedFilter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SavedFilter"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));

ALTER TABLE "ImportRun" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ImportRun" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ImportRun"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));

ALTER TABLE "ImportRow" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ImportRow" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ImportRow"
  USING ("organizationId" = current_setting('app.org_id', true))
  WITH CHECK ("organizationId" = current_setting('app.org_id', true));

-- ---------------------------------------------------------------------------
-- Full-text search (hand-written). "searchVector" is to_tsvector('simple', "searchText"),
-- kept here by a trigger so that its GIN index can be declared in the Prisma schema (an
-- expression index would show up as drift). The services only ever write "searchText".
-- ---------------------------------------------------------------------------
CREATE FUNCTION vendor_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('simple', coalesce(NEW."searchText", ''));
  RETURN NEW;
END;
$$;
CREATE TRIGGER vendor_search_vector BEFORE INSERT OR UPDATE OF "searchText" ON "Vendor"
  FOR EACH ROW EXECUTE FUNCTION vendor_search_vector();
