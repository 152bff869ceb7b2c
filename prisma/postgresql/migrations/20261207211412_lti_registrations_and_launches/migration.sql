-- CreateTable
CREATE TABLE "LtiPlatform" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "authLoginUrl" TEXT NOT NULL,
    "authTokenUrl" TEXT NOT NULL,
    "jwksUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LtiPlatform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LtiDeployment" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "lastLaunchAt" TIMESTAMP(3),
    "launchCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LtiDeployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LtiLoginState" (
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "browserHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LtiLoginState_pkey" PRIMARY KEY ("state")
);

-- CreateTable
CREATE TABLE "LtiIdentity" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LtiIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LtiContext" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "pathId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,

    CONSTRAINT "LtiContext_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LtiPlatform_issuer_clientId_key" ON "LtiPlatform"("issuer", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "LtiDeployment_platformId_deploymentId_key" ON "LtiDeployment"("platformId", "deploymentId");

-- CreateIndex
CREATE UNIQUE INDEX "LtiLoginState_nonce_key" ON "LtiLoginState"("nonce");

-- CreateIndex
CREATE INDEX "LtiLoginState_expiresAt_idx" ON "LtiLoginState"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "LtiIdentity_userId_key" ON "LtiIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LtiIdentity_platformId_subject_key" ON "LtiIdentity"("platformId", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "LtiContext_cohortId_key" ON "LtiContext"("cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "LtiContext_platformId_contextId_pathId_key" ON "LtiContext"("platformId", "contextId", "pathId");

-- AddForeignKey
ALTER TABLE "LtiDeployment" ADD CONSTRAINT "LtiDeployment_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiIdentity" ADD CONSTRAINT "LtiIdentity_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiIdentity" ADD CONSTRAINT "LtiIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiContext" ADD CONSTRAINT "LtiContext_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiContext" ADD CONSTRAINT "LtiContext_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
