-- CreateTable
CREATE TABLE "FinalProject" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinalProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinalProjectAnswer" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinalProjectAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinalProjectCriterion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "justification" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinalProjectCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectComment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FinalProject_userId_projectId_key" ON "FinalProject"("userId", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "FinalProjectAnswer_projectId_fieldId_key" ON "FinalProjectAnswer"("projectId", "fieldId");

-- CreateIndex
CREATE UNIQUE INDEX "FinalProjectCriterion_projectId_criterionId_key" ON "FinalProjectCriterion"("projectId", "criterionId");

-- CreateIndex
CREATE INDEX "ProjectComment_projectId_idx" ON "ProjectComment"("projectId");

-- AddForeignKey
ALTER TABLE "FinalProject" ADD CONSTRAINT "FinalProject_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalProjectAnswer" ADD CONSTRAINT "FinalProjectAnswer_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FinalProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalProjectCriterion" ADD CONSTRAINT "FinalProjectCriterion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FinalProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectComment" ADD CONSTRAINT "ProjectComment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FinalProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectComment" ADD CONSTRAINT "ProjectComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
