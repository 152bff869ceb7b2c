-- CreateTable
CREATE TABLE "OrganisationSetting" (
    "id" TEXT NOT NULL DEFAULT 'organisation',
    "legalName" TEXT,
    "address" TEXT,
    "siret" TEXT,
    "activityDeclarationNumber" TEXT,
    "qualiopiReference" TEXT,
    "electedTrainingApproval" TEXT,
    "pedagogicalContactName" TEXT,
    "pedagogicalContactEmail" TEXT,
    "disabilityContactName" TEXT,
    "disabilityContactEmail" TEXT,
    "answerDelay" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "OrganisationSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetainedEvidence" (
    "id" TEXT NOT NULL,
    "certificateCode" TEXT NOT NULL,
    "pathId" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "keepUntil" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetainedEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RetainedEvidence_keepUntil_idx" ON "RetainedEvidence"("keepUntil");

-- CreateIndex
CREATE INDEX "RetainedEvidence_certificateCode_idx" ON "RetainedEvidence"("certificateCode");
