-- CreateTable
CREATE TABLE "TrainingDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "certificateId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "userId" TEXT,
    "pathId" TEXT NOT NULL,
    "learnerName" TEXT NOT NULL,
    "pathTitle" TEXT NOT NULL,
    "organisationName" TEXT NOT NULL,
    "activeSeconds" INTEGER NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "payload" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrainingDocument_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainingDocument_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingDocument_code_key" ON "TrainingDocument"("code");

-- CreateIndex
CREATE INDEX "TrainingDocument_userId_idx" ON "TrainingDocument"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingDocument_certificateId_kind_key" ON "TrainingDocument"("certificateId", "kind");
