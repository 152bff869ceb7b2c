-- CreateTable
CREATE TABLE "PlacementResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "pathId" TEXT NOT NULL,
    "moment" TEXT NOT NULL,
    "objectives" TEXT NOT NULL,
    "diagnostic" TEXT NOT NULL DEFAULT '[]',
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlacementResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlacementResponse_pathId_moment_idx" ON "PlacementResponse"("pathId", "moment");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementResponse_userId_pathId_moment_key" ON "PlacementResponse"("userId", "pathId", "moment");
