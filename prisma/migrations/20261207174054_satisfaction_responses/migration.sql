-- CreateTable
CREATE TABLE "SatisfactionResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "pathId" TEXT NOT NULL,
    "profile" TEXT NOT NULL,
    "objectivesMet" INTEGER NOT NULL,
    "clarity" INTEGER NOT NULL,
    "usefulness" INTEGER NOT NULL,
    "recommend" INTEGER NOT NULL,
    "comment" TEXT,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SatisfactionResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SatisfactionResponse_pathId_idx" ON "SatisfactionResponse"("pathId");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionResponse_userId_pathId_key" ON "SatisfactionResponse"("userId", "pathId");
