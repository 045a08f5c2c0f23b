-- CreateEnum
CREATE TYPE "ScoreAggregation" AS ENUM ('MEAN', 'MEDIAN');

-- CreateEnum
CREATE TYPE "WeightMode" AS ENUM ('PERCENT', 'POINTS');

-- CreateEnum
CREATE TYPE "ShortlistStage" AS ENUM ('LONG', 'SHORT', 'SELECTED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'MENTION';

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "scaleMin" INTEGER NOT NULL DEFAULT 0,
    "scaleMax" INTEGER NOT NULL DEFAULT 5,
    "aggregation" "ScoreAggregation" NOT NULL DEFAULT 'MEAN',
    "weightMode" "WeightMode" NOT NULL DEFAULT 'PERCENT',
    "criteria" JSONB NOT NULL,
    "blind" BOOLEAN NOT NULL DEFAULT false,
    "lockedAt" TIMESTAMP(3),
    "lockedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSubmission" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreOverride" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreRationale" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "byId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreRationale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShortlistEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "stage" "ShortlistStage" NOT NULL DEFAULT 'LONG',
    "position" INTEGER NOT NULL DEFAULT 0,
    "addedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShortlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShortlistVote" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShortlistVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShortlistComment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "mentions" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShortlistComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_id_organizationId_key" ON "Scorecard"("id", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_rfpId_organizationId_key" ON "Scorecard"("rfpId", "organizationId");

-- CreateIndex
CREATE INDEX "Score_scorecardId_evaluatorId_idx" ON "Score"("scorecardId", "evaluatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Score_scorecardId_invitationId_criterionId_evaluatorId_key" ON "Score"("scorecardId", "invitationId", "criterionId", "evaluatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSubmission_scorecardId_evaluatorId_key" ON "ScoreSubmission"("scorecardId", "evaluatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreOverride_scorecardId_invitationId_criterionId_key" ON "ScoreOverride"("scorecardId", "invitationId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreRationale_scorecardId_invitationId_criterionId_key" ON "ScoreRationale"("scorecardId", "invitationId", "criterionId");

-- CreateIndex
CREATE INDEX "ShortlistEntry_organizationId_programmeId_idx" ON "ShortlistEntry"("organizationId", "programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "ShortlistEntry_id_organizationId_key" ON "ShortlistEntry"("id", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ShortlistEntry_programmeId_vendorId_key" ON "ShortlistEntry"("programmeId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "ShortlistVote_entryId_userId_key" ON "ShortlistVote"("entryId", "userId");

-- CreateIndex
CREATE INDEX "ShortlistComment_entryId_createdAt_idx" ON "ShortlistComment"("entryId", "createdAt");

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_rfpId_organizationId_fkey" FOREIGN KEY ("rfpId", "organizationId") REFERENCES "Rfp"("id", "organizationId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_scorecardId_organizationId_fkey" FOREIGN KEY ("scorecardId", "organizationId") REFERENCES "Scorecard"("id", "organizationId") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "RfpInvitation"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ScoreSubmission" ADD CONSTRAINT "ScoreSubmission_scorecardId_organizationId_fkey" FOREIGN KEY ("scorecardId", "organizationId") REFERENCES "Scorecard"("id", "organizationId") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ScoreOverride" ADD CONSTRAINT "ScoreOverride_scorecardId_organizationId_fkey" FOREIGN KEY ("scorecardId", "organizationId") REFERENCES "Scorecard"("id", "organizationId") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ScoreRationale" ADD CONSTRAINT "ScoreRationale_scorecardId_organizationId_fkey" FOREIGN KEY ("scorecardId", "organizationId") REFERENCES "Scorecard"("id", "organizationId") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ShortlistEntry" ADD CONSTRAINT "ShortlistEntry_programmeId_organizationId_fkey" FOREIGN KEY ("programmeId", "organizationId") REFERENCES "Programme"("id", "organizationId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ShortlistEntry" ADD CONSTRAINT "ShortlistEntry_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ShortlistVote" ADD CONSTRAINT "ShortlistVote_entryId_organizationId_fkey" FOREIGN KEY ("entryId", "organizationId") REFERENCES "ShortlistEntry"("id", "organizationId") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ShortlistComment" ADD CONSTRAINT "ShortlistComment_entryId_organizationId_fkey" FOREIGN KEY ("entryId", "organizationId") REFERENCES "ShortlistEntry"("id", "organizationId") ON DELETE CASCADE ON UPDATE RESTRICT;

-- Row-level security: every evaluation and shortlist row belongs to the sponsor and is read and written
-- by its members only (the scoped client adds the same organizationId filter above this).

ALTER TABLE "Scorecard" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Scorecard" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Scorecard"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "Score" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Score" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Score"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "ScoreSubmission" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScoreSubmission" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScoreSubmission"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "ScoreOverride" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScoreOverride" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScoreOverride"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "ScoreRationale" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScoreRationale" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScoreRationale"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "ShortlistEntry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ShortlistEntry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ShortlistEntry"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "ShortlistVote" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ShortlistVote" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ShortlistVote"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "ShortlistComment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ShortlistComment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ShortlistComment"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));
