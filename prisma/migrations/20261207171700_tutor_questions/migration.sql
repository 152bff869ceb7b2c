-- CreateTable
CREATE TABLE "TutorQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "pathId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "cohortId" TEXT,
    "body" TEXT NOT NULL,
    "answerDelay" TEXT,
    "askedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TutorQuestion_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TutorQuestion_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TutorAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TutorAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "TutorQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TutorAnswer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TutorQuestion_learnerId_pathId_idx" ON "TutorQuestion"("learnerId", "pathId");

-- CreateIndex
CREATE INDEX "TutorQuestion_cohortId_idx" ON "TutorQuestion"("cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "TutorAnswer_questionId_key" ON "TutorAnswer"("questionId");

-- CreateIndex
CREATE INDEX "TutorAnswer_authorId_idx" ON "TutorAnswer"("authorId");
