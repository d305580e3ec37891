-- CreateTable
CREATE TABLE "DeadlineAlert" (
    "stageId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineAlert_pkey" PRIMARY KEY ("stageId","kind")
);

-- CreateTable
CREATE TABLE "ResultDocument" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "resultType" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "signedAt" TIMESTAMP(3),
    "signedById" UUID,
    "outgoingNumber" TEXT,
    "registeredAt" TIMESTAMP(3),
    "issuedAt" TIMESTAMP(3),
    "issuedVia" TEXT,
    "issueProof" JSONB,
    "collectBy" TIMESTAMP(3),

    CONSTRAINT "ResultDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InteragencyRequest" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "typeCode" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "sentById" UUID,
    "answeredAt" TIMESTAMP(3),
    "answerText" TEXT,
    "answerFileId" UUID,

    CONSTRAINT "InteragencyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResultDocument_storageKey_key" ON "ResultDocument"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "ResultDocument_outgoingNumber_key" ON "ResultDocument"("outgoingNumber");

-- CreateIndex
CREATE INDEX "ResultDocument_applicationId_createdAt_idx" ON "ResultDocument"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "InteragencyRequest_applicationId_idx" ON "InteragencyRequest"("applicationId");

-- CreateIndex
CREATE INDEX "InteragencyRequest_answeredAt_dueAt_idx" ON "InteragencyRequest"("answeredAt", "dueAt");

-- CreateIndex
CREATE INDEX "ApplicationStage_leftAt_dueAt_idx" ON "ApplicationStage"("leftAt", "dueAt");

-- AddForeignKey
ALTER TABLE "DeadlineAlert" ADD CONSTRAINT "DeadlineAlert_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ApplicationStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultDocument" ADD CONSTRAINT "ResultDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultDocument" ADD CONSTRAINT "ResultDocument_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultDocument" ADD CONSTRAINT "ResultDocument_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InteragencyRequest" ADD CONSTRAINT "InteragencyRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InteragencyRequest" ADD CONSTRAINT "InteragencyRequest_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

