-- RedefineTables (rate-limit windows now carry their end, so that expired rows can be pruned)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL
);
-- Counters are not copied: each lives minutes, and a row without its window's end cannot be kept.
DROP TABLE "RateLimit";
ALTER TABLE "new_RateLimit" RENAME TO "RateLimit";
CREATE INDEX "RateLimit_expiresAt_idx" ON "RateLimit"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
