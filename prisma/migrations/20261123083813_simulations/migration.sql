-- CreateTable
CREATE TABLE "SimulationRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "choices" TEXT NOT NULL DEFAULT '[]',
    "step" INTEGER NOT NULL DEFAULT 0,
    "openSlot" TEXT,
    "endingId" TEXT,
    "finalState" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "abandonedAt" DATETIME,
    CONSTRAINT "SimulationRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SimulationRun_openSlot_key" ON "SimulationRun"("openSlot");

-- CreateIndex
CREATE INDEX "SimulationRun_userId_scenarioId_idx" ON "SimulationRun"("userId", "scenarioId");

-- CreateIndex
CREATE INDEX "SimulationRun_scenarioId_idx" ON "SimulationRun"("scenarioId");
