-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "pathId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "learnerName" TEXT NOT NULL,
    "pathTitle" TEXT NOT NULL,
    "nominalMinutes" INTEGER NOT NULL,
    "activeSeconds" INTEGER NOT NULL,
    "firstActivityAt" DATETIME NOT NULL,
    "completedAt" DATETIME NOT NULL,
    "finalScore" INTEGER NOT NULL,
    "objectives" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE INDEX "Certificate_pathId_idx" ON "Certificate"("pathId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_userId_pathId_key" ON "Certificate"("userId", "pathId");
