-- CreateTable
CREATE TABLE "OrganisationSetting" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'organisation',
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
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT
);

-- CreateTable
CREATE TABLE "RetainedEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "certificateCode" TEXT NOT NULL,
    "pathId" TEXT NOT NULL,
    "completedAt" DATETIME NOT NULL,
    "keepUntil" DATETIME NOT NULL,
    "summary" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "RetainedEvidence_keepUntil_idx" ON "RetainedEvidence"("keepUntil");

-- CreateIndex
CREATE INDEX "RetainedEvidence_certificateCode_idx" ON "RetainedEvidence"("certificateCode");
