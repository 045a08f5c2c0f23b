-- CreateEnum
CREATE TYPE "AwardOutcome" AS ENUM ('AWARDED', 'NOT_AWARDED');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('PROPOSED', 'AWARDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SignatureMeaning" AS ENUM ('AUTHOR', 'REVIEWER', 'APPROVER');

-- AlterTable
ALTER TABLE "RfpInvitation" ADD COLUMN     "awardNote" TEXT,
ADD COLUMN     "awardOutcome" "AwardOutcome",
ADD COLUMN     "awardStages" TEXT[],
ADD COLUMN     "awardedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PortfolioScenario" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "assignment" JSONB,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "simulation" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortfolioScenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortfolioDecision" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "status" "DecisionStatus" NOT NULL DEFAULT 'PROPOSED',
    "rationale" TEXT NOT NULL,
    "record" JSONB NOT NULL,
    "recordHash" TEXT NOT NULL,
    "requiredApprovers" TEXT[],
    "proposedById" TEXT,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "awardedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PortfolioDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionSignature" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "printedName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "meaning" "SignatureMeaning" NOT NULL,
    "recordHash" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invalidatedAt" TIMESTAMP(3),
    "invalidReason" TEXT,

    CONSTRAINT "DecisionSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PortfolioScenario_organizationId_programmeId_idx" ON "PortfolioScenario"("organizationId", "programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "PortfolioScenario_id_organizationId_key" ON "PortfolioScenario"("id", "organizationId");

-- CreateIndex
CREATE INDEX "PortfolioDecision_organizationId_programmeId_idx" ON "PortfolioDecision"("organizationId", "programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "PortfolioDecision_id_organizationId_key" ON "PortfolioDecision"("id", "organizationId");

-- CreateIndex
CREATE INDEX "DecisionSignature_decisionId_idx" ON "DecisionSignature"("decisionId");

-- AddForeignKey
ALTER TABLE "PortfolioScenario" ADD CONSTRAINT "PortfolioScenario_programmeId_organizationId_fkey" FOREIGN KEY ("programmeId", "organizationId") REFERENCES "Programme"("id", "organizationId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PortfolioDecision" ADD CONSTRAINT "PortfolioDecision_scenarioId_organizationId_fkey" FOREIGN KEY ("scenarioId", "organizationId") REFERENCES "PortfolioScenario"("id", "organizationId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "DecisionSignature" ADD CONSTRAINT "DecisionSignature_decisionId_organizationId_fkey" FOREIGN KEY ("decisionId", "organizationId") REFERENCES "PortfolioDecision"("id", "organizationId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Row-level security: all three tables belong to the sponsor and are read by its members only.
ALTER TABLE "PortfolioScenario" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PortfolioScenario" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PortfolioScenario"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "PortfolioDecision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PortfolioDecision" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PortfolioDecision"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "DecisionSignature" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DecisionSignature" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DecisionSignature"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

-- A signature is evidence: it is never deleted, and the only change it accepts is being marked
-- invalid once (when the record it was applied to changes). Everything else is refused here, so
-- no code path, however wrong, can rewrite who signed what and when.
CREATE FUNCTION decision_signature_guard() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'signatures are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF OLD."invalidatedAt" IS NOT NULL
     OR NEW."invalidatedAt" IS NULL
     OR (NEW.id, NEW."organizationId", NEW."decisionId", NEW."userId", NEW."printedName", NEW.email,
         NEW.meaning, NEW."recordHash", NEW."signedAt")
        IS DISTINCT FROM
        (OLD.id, OLD."organizationId", OLD."decisionId", OLD."userId", OLD."printedName", OLD.email,
         OLD.meaning, OLD."recordHash", OLD."signedAt") THEN
    RAISE EXCEPTION 'a signature only changes by being marked invalid, once' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER decision_signature_guard BEFORE UPDATE OR DELETE ON "DecisionSignature"
  FOR EACH ROW EXECUTE FUNCTION decision_signature_guard();
