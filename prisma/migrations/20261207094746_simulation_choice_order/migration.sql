-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SimulationRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "choices" TEXT NOT NULL DEFAULT '[]',
    "choiceOrder" TEXT NOT NULL DEFAULT '{}',
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
INSERT INTO "new_SimulationRun" ("abandonedAt", "choices", "endingId", "finalState", "finishedAt", "id", "openSlot", "scenarioId", "startedAt", "step", "updatedAt", "userId") SELECT "abandonedAt", "choices", "endingId", "finalState", "finishedAt", "id", "openSlot", "scenarioId", "startedAt", "step", "updatedAt", "userId" FROM "SimulationRun";
DROP TABLE "SimulationRun";
ALTER TABLE "new_SimulationRun" RENAME TO "SimulationRun";
CREATE UNIQUE INDEX "SimulationRun_openSlot_key" ON "SimulationRun"("openSlot");
CREATE INDEX "SimulationRun_userId_scenarioId_idx" ON "SimulationRun"("userId", "scenarioId");
CREATE INDEX "SimulationRun_scenarioId_idx" ON "SimulationRun"("scenarioId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
