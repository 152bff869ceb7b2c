-- CreateTable
CREATE TABLE "TutorQuestion" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "pathId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "cohortId" TEXT,
    "body" TEXT NOT NULL,
    "answerDelay" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TutorQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TutorAnswer" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TutorAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TutorQuestion_learnerId_pathId_idx" ON "TutorQuestion"("learnerId", "pathId");

-- CreateIndex
CREATE INDEX "TutorQuestion_cohortId_idx" ON "TutorQuestion"("cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "TutorAnswer_questionId_key" ON "TutorAnswer"("questionId");

-- CreateIndex
CREATE INDEX "TutorAnswer_authorId_idx" ON "TutorAnswer"("authorId");

-- AddForeignKey
ALTER TABLE "TutorQuestion" ADD CONSTRAINT "TutorQuestion_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TutorQuestion" ADD CONSTRAINT "TutorQuestion_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TutorAnswer" ADD CONSTRAINT "TutorAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "TutorQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TutorAnswer" ADD CONSTRAINT "TutorAnswer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
