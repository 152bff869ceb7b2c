-- Rate-limit windows now carry their end, so that expired rows can be pruned. Counters are not
-- kept: each lives minutes, and a row without its window's end cannot be kept.
DELETE FROM "RateLimit";

-- AlterTable
ALTER TABLE "RateLimit" DROP COLUMN "windowStart",
ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL;

-- CreateIndex
CREATE INDEX "RateLimit_expiresAt_idx" ON "RateLimit"("expiresAt");
