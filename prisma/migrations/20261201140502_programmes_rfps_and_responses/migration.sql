-- CreateEnum
CREATE TYPE "ProgrammePhase" AS ENUM ('PRECLINICAL', 'PHASE_1', 'PHASE_2', 'PHASE_3', 'COMMERCIAL');

-- CreateEnum
CREATE TYPE "RfpStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED', 'AWARDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ClarificationAudience" AS ENUM ('ALL', 'PRIVATE');

-- CreateEnum
CREATE TYPE "FilePurpose" AS ENUM ('RFP_ATTACHMENT', 'RESPONSE_ANSWER');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('INVITATION', 'CLARIFICATION', 'RFP_CHANGED', 'RESPONSE_SUBMITTED', 'DEADLINE_SOON', 'RFP_CLOSED', 'AWARD');

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "molecule" TEXT NOT NULL,
    "modality" TEXT NOT NULL,
    "phase" "ProgrammePhase" NOT NULL,
    "stages" TEXT[],
    "description" TEXT,
    "startDate" DATE,
    "targetDate" DATE,
    "budget" DOUBLE PRECISION,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "costOfDelayPerWeek" DOUBLE PRECISION,
    "assumptions" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rfp" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "stages" TEXT[],
    "status" "RfpStatus" NOT NULL DEFAULT 'DRAFT',
    "content" JSONB NOT NULL,
    "weights" JSONB NOT NULL,
    "dueAt" TIMESTAMP(3),
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "sealed" BOOLEAN NOT NULL DEFAULT false,
    "committeeOpening" BOOLEAN NOT NULL DEFAULT false,
    "round" INTEGER NOT NULL DEFAULT 1,
    "templateKey" TEXT,
    "copiedFromId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "reminderDueAt" TIMESTAMP(3),
    "awardedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rfp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfpChange" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "summary" TEXT[],
    "byId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RfpChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfpInvitation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "vendorOrganizationId" TEXT,
    "vendorId" TEXT,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "tokenHash" TEXT,
    "sentAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RfpInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfpParticipation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "sponsorOrganizationId" TEXT NOT NULL,
    "viewedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RfpParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfpResponse" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "participationId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "sponsorOrganizationId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "receiptHash" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RfpResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidOpening" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BidOpening_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Clarification" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "sponsorOrganizationId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Clarification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClarificationAnswer" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "rfpId" TEXT NOT NULL,
    "clarificationId" TEXT,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "audience" "ClarificationAudience" NOT NULL,
    "recipientOrganizationId" TEXT,
    "answeredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClarificationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "purpose" "FilePurpose" NOT NULL,
    "rfpId" TEXT NOT NULL,
    "responseId" TEXT,
    "questionId" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FileChunk" (
    "organizationId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "FileChunk_pkey" PRIMARY KEY ("fileId","seq")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "contextOrgId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "email" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "Programme_organizationId_archivedAt_idx" ON "Programme"("organizationId", "archivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_id_organizationId_key" ON "Programme"("id", "organizationId");

-- CreateIndex
CREATE INDEX "Rfp_organizationId_programmeId_idx" ON "Rfp"("organizationId", "programmeId");

-- CreateIndex
CREATE INDEX "Rfp_status_dueAt_idx" ON "Rfp"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Rfp_id_organizationId_key" ON "Rfp"("id", "organizationId");

-- CreateIndex
CREATE INDEX "RfpChange_rfpId_at_idx" ON "RfpChange"("rfpId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RfpInvitation_tokenHash_key" ON "RfpInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "RfpInvitation_vendorOrganizationId_idx" ON "RfpInvitation"("vendorOrganizationId");

-- CreateIndex
CREATE UNIQUE INDEX "RfpInvitation_rfpId_vendorOrganizationId_key" ON "RfpInvitation"("rfpId", "vendorOrganizationId");

-- CreateIndex
CREATE UNIQUE INDEX "RfpInvitation_rfpId_email_key" ON "RfpInvitation"("rfpId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "RfpParticipation_invitationId_key" ON "RfpParticipation"("invitationId");

-- CreateIndex
CREATE INDEX "RfpParticipation_organizationId_rfpId_idx" ON "RfpParticipation"("organizationId", "rfpId");

-- CreateIndex
CREATE INDEX "RfpParticipation_sponsorOrganizationId_rfpId_idx" ON "RfpParticipation"("sponsorOrganizationId", "rfpId");

-- CreateIndex
CREATE UNIQUE INDEX "RfpParticipation_id_organizationId_key" ON "RfpParticipation"("id", "organizationId");

-- CreateIndex
CREATE INDEX "RfpResponse_sponsorOrganizationId_rfpId_submittedAt_idx" ON "RfpResponse"("sponsorOrganizationId", "rfpId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RfpResponse_participationId_round_key" ON "RfpResponse"("participationId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "BidOpening_rfpId_round_userId_key" ON "BidOpening"("rfpId", "round", "userId");

-- CreateIndex
CREATE INDEX "Clarification_organizationId_rfpId_idx" ON "Clarification"("organizationId", "rfpId");

-- CreateIndex
CREATE INDEX "Clarification_sponsorOrganizationId_rfpId_idx" ON "Clarification"("sponsorOrganizationId", "rfpId");

-- CreateIndex
CREATE UNIQUE INDEX "ClarificationAnswer_clarificationId_key" ON "ClarificationAnswer"("clarificationId");

-- CreateIndex
CREATE INDEX "ClarificationAnswer_rfpId_createdAt_idx" ON "ClarificationAnswer"("rfpId", "createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_rfpId_purpose_idx" ON "StoredFile"("rfpId", "purpose");

-- CreateIndex
CREATE INDEX "StoredFile_responseId_idx" ON "StoredFile"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_id_organizationId_key" ON "StoredFile"("id", "organizationId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- AddForeignKey
ALTER TABLE "Rfp" ADD CONSTRAINT "Rfp_programmeId_organizationId_fkey" FOREIGN KEY ("programmeId", "organizationId") REFERENCES "Programme"("id", "organizationId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "RfpChange" ADD CONSTRAINT "RfpChange_rfpId_organizationId_fkey" FOREIGN KEY ("rfpId", "organizationId") REFERENCES "Rfp"("id", "organizationId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "RfpInvitation" ADD CONSTRAINT "RfpInvitation_rfpId_organizationId_fkey" FOREIGN KEY ("rfpId", "organizationId") REFERENCES "Rfp"("id", "organizationId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "RfpParticipation" ADD CONSTRAINT "RfpParticipation_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "RfpInvitation"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "RfpResponse" ADD CONSTRAINT "RfpResponse_participationId_organizationId_fkey" FOREIGN KEY ("participationId", "organizationId") REFERENCES "RfpParticipation"("id", "organizationId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: row-level security for programmes, RFPs and responses.
-- Every table is its owner's (tenant_isolation); the only ways across are the share policies
-- below, each mirrored by SHARED_READS in src/server/db/tenant.ts:
--   invitee: a CDMO with a sent, unrevoked invitation reads the published RFP, its changes, its
--            attachments, answers to all and answers to its own questions, and its own invitation
--            (never another invitee's);
--   sponsor: reads the participation (viewed / declined) of its RFPs, responses once submitted,
--            the files of those responses, and the questions asked about its RFPs.
-- Writes stay in the writer's own organisation; the WITH CHECK clauses also pin the other side's
-- id to the invitation, so no one can make a row visible to an organisation it does not deal with.

ALTER TABLE "Programme" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Programme" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Programme"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "RfpInvitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RfpInvitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RfpInvitation"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));
CREATE POLICY invitee_read ON "RfpInvitation" FOR SELECT
  USING ("vendorOrganizationId" = (SELECT current_setting('app.org_id', true))
         AND "sentAt" IS NOT NULL AND "revokedAt" IS NULL);
-- The current organisation's kind, for policies on tables that "Organization"'s own policies
-- read (a direct subquery there would be a policy recursion).
CREATE FUNCTION current_org_kind() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT o.kind::text FROM "Organization" o WHERE o.id = current_setting('app.org_id', true) $$;

-- Someone invited by e-mail, holding the link (app.invite_token), reads it and claims it for
-- the CDMO organisation they act in.
CREATE POLICY by_token ON "RfpInvitation" FOR SELECT
  USING ("tokenHash" = (SELECT current_setting('app.invite_token', true)));
CREATE POLICY claim_by_token ON "RfpInvitation" FOR UPDATE
  USING ("tokenHash" = (SELECT current_setting('app.invite_token', true))
         AND "vendorOrganizationId" IS NULL AND "sentAt" IS NOT NULL AND "revokedAt" IS NULL)
  WITH CHECK ("vendorOrganizationId" = (SELECT current_setting('app.org_id', true))
              AND (SELECT current_org_kind()) = 'CDMO');

ALTER TABLE "Rfp" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Rfp" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Rfp"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));
CREATE POLICY invitee_read ON "Rfp" FOR SELECT
  USING (status <> 'DRAFT' AND EXISTS (
    SELECT 1 FROM "RfpInvitation" i
    WHERE i."rfpId" = "Rfp".id AND i."vendorOrganizationId" = (SELECT current_setting('app.org_id', true))
      AND i."sentAt" IS NOT NULL AND i."revokedAt" IS NULL));

ALTER TABLE "RfpChange" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RfpChange" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RfpChange"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));
CREATE POLICY invitee_read ON "RfpChange" FOR SELECT
  USING (EXISTS (SELECT 1 FROM "Rfp" r WHERE r.id = "RfpChange"."rfpId" AND r."organizationId" = "RfpChange"."organizationId"));

ALTER TABLE "RfpParticipation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RfpParticipation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RfpParticipation"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true))
              AND EXISTS (SELECT 1 FROM "RfpInvitation" i
                          WHERE i.id = "invitationId" AND i."rfpId" = "RfpParticipation"."rfpId"
                            AND i."organizationId" = "RfpParticipation"."sponsorOrganizationId"
                            AND i."vendorOrganizationId" = (SELECT current_setting('app.org_id', true))));
CREATE POLICY sponsor_read ON "RfpParticipation" FOR SELECT
  USING ("sponsorOrganizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "RfpResponse" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RfpResponse" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RfpResponse"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true))
              AND EXISTS (SELECT 1 FROM "RfpParticipation" p
                          WHERE p.id = "participationId" AND p."rfpId" = "RfpResponse"."rfpId"
                            AND p."sponsorOrganizationId" = "RfpResponse"."sponsorOrganizationId"));
CREATE POLICY sponsor_read ON "RfpResponse" FOR SELECT
  USING ("sponsorOrganizationId" = (SELECT current_setting('app.org_id', true)) AND "submittedAt" IS NOT NULL);

-- A submitted response is a record of what was offered: no procedure, however mistaken, changes
-- or deletes it (a revision round writes a new row).
CREATE FUNCTION rfp_response_submitted_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."submittedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'A submitted response cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER rfp_response_submitted_is_final BEFORE UPDATE OR DELETE ON "RfpResponse"
  FOR EACH ROW EXECUTE FUNCTION rfp_response_submitted_is_final();

ALTER TABLE "BidOpening" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BidOpening" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BidOpening"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "Clarification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Clarification" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Clarification"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true))
              AND EXISTS (SELECT 1 FROM "Rfp" r
                          WHERE r.id = "Clarification"."rfpId" AND r."organizationId" = "Clarification"."sponsorOrganizationId"));
CREATE POLICY sponsor_read ON "Clarification" FOR SELECT
  USING ("sponsorOrganizationId" = (SELECT current_setting('app.org_id', true)));

ALTER TABLE "ClarificationAnswer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ClarificationAnswer" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ClarificationAnswer"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));
CREATE POLICY invitee_read ON "ClarificationAnswer" FOR SELECT
  USING ((audience = 'ALL' OR "recipientOrganizationId" = (SELECT current_setting('app.org_id', true)))
         AND EXISTS (SELECT 1 FROM "Rfp" r
                     WHERE r.id = "ClarificationAnswer"."rfpId" AND r."organizationId" = "ClarificationAnswer"."organizationId"));

ALTER TABLE "StoredFile" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StoredFile" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StoredFile"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true)));
CREATE POLICY invitee_read ON "StoredFile" FOR SELECT
  USING (purpose = 'RFP_ATTACHMENT' AND "deletedAt" IS NULL AND EXISTS (
    SELECT 1 FROM "Rfp" r WHERE r.id = "StoredFile"."rfpId" AND r."organizationId" = "StoredFile"."organizationId"));
CREATE POLICY sponsor_read ON "StoredFile" FOR SELECT
  USING (purpose = 'RESPONSE_ANSWER' AND "deletedAt" IS NULL AND EXISTS (
    SELECT 1 FROM "RfpResponse" x
    WHERE x.id = "StoredFile"."responseId" AND x."organizationId" = "StoredFile"."organizationId"
      AND x."sponsorOrganizationId" = (SELECT current_setting('app.org_id', true))));

ALTER TABLE "FileChunk" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "FileChunk" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "FileChunk"
  USING ("organizationId" = (SELECT current_setting('app.org_id', true)))
  WITH CHECK ("organizationId" = (SELECT current_setting('app.org_id', true))
              AND EXISTS (SELECT 1 FROM "StoredFile" f
                          WHERE f.id = "FileChunk"."fileId" AND f."organizationId" = "FileChunk"."organizationId"));
CREATE POLICY shared_read ON "FileChunk" FOR SELECT
  USING (EXISTS (SELECT 1 FROM "StoredFile" f
                 WHERE f.id = "FileChunk"."fileId" AND f."organizationId" = "FileChunk"."organizationId"));

-- An invited CDMO sees the name of the sponsor that invited it.
CREATE POLICY inviting_sponsor ON "Organization" FOR SELECT
  USING (EXISTS (SELECT 1 FROM "RfpInvitation" i
                 WHERE i."organizationId" = "Organization".id
                   AND i."vendorOrganizationId" = (SELECT current_setting('app.org_id', true))
                   AND i."sentAt" IS NOT NULL AND i."revokedAt" IS NULL));

-- Notifications belong to a person: each user reads, marks and sets preferences for their own.
ALTER TABLE "Notification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Notification" FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "Notification"
  USING ("userId" = (SELECT current_setting('app.user_id', true)))
  WITH CHECK ("userId" = (SELECT current_setting('app.user_id', true)));
ALTER TABLE "NotificationPreference" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "NotificationPreference" FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "NotificationPreference"
  USING ("userId" = (SELECT current_setting('app.user_id', true)))
  WITH CHECK ("userId" = (SELECT current_setting('app.user_id', true)));

DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_access ON "Notification" TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY owner_access ON "NotificationPreference" TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;

-- The one way to notify people in another organisation: every member of p_org (of p_roles, or
-- all when null) gets the notification, and the addresses that have not turned e-mail off for
-- this kind come back for the caller to send. Refused unless p_org is the current organisation
-- or the two share an RFP invitation, so no one can notify an organisation it does not deal with.
CREATE FUNCTION notify_org(p_org text, p_kind text, p_title text, p_body text, p_link text, p_roles text[])
  RETURNS TABLE (email text, name text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  me text := coalesce(current_setting('app.org_id', true), '');
  users text[];
BEGIN
  IF me = '' THEN RAISE EXCEPTION 'notify_org needs an organisation'; END IF;
  IF p_org <> me AND NOT EXISTS (
       SELECT 1 FROM "RfpInvitation" i
       WHERE (i."organizationId" = me AND i."vendorOrganizationId" = p_org)
          OR (i."organizationId" = p_org AND i."vendorOrganizationId" = me AND i."sentAt" IS NOT NULL)) THEN
    RAISE EXCEPTION 'notify_org: no RFP links these organisations' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Memberships are read as the recipient organisation (its own policy), then the caller's
  -- setting is restored: the function holds no wider view than that.
  PERFORM set_config('app.org_id', p_org, true);
  SELECT coalesce(array_agg(m."userId"), '{}') INTO users FROM "Membership" m
  WHERE m."organizationId" = p_org AND (p_roles IS NULL OR m.role::text = ANY (p_roles));
  PERFORM set_config('app.org_id', me, true);
  RETURN QUERY
  WITH inserted AS (
    INSERT INTO "Notification" (id, "userId", "contextOrgId", kind, title, body, link)
    SELECT 'n' || replace(gen_random_uuid()::text, '-', ''), u, p_org, p_kind::"NotificationKind", p_title, p_body, p_link
    FROM unnest(users) AS u
    RETURNING "userId"
  )
  SELECT u.email, u.name FROM inserted x JOIN "User" u ON u.id = x."userId"
  WHERE NOT EXISTS (SELECT 1 FROM "NotificationPreference" p
                    WHERE p."userId" = x."userId" AND p.kind = p_kind::"NotificationKind" AND NOT p.email);
END $$;
REVOKE EXECUTE ON FUNCTION notify_org(text, text, text, text, text, text[]) FROM PUBLIC;
