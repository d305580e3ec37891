-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "purgeNoticeAt" TIMESTAMP(3),
ADD COLUMN     "signature" JSONB;

-- AlterTable
ALTER TABLE "ApplicationParticipant" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "data" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "inviteTokenHash" TEXT;

-- CreateTable
CREATE TABLE "ExternalIdentity" (
    "provider" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalIdentity_pkey" PRIMARY KEY ("provider","subject")
);

-- CreateTable
CREATE TABLE "OutgoingEmail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "notificationId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" TEXT,

    CONSTRAINT "OutgoingEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExternalIdentity_userId_idx" ON "ExternalIdentity"("userId");

-- CreateIndex
CREATE INDEX "OutgoingEmail_sentAt_createdAt_idx" ON "OutgoingEmail"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "OutgoingEmail_to_createdAt_idx" ON "OutgoingEmail"("to", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationParticipant_inviteTokenHash_key" ON "ApplicationParticipant"("inviteTokenHash");

-- AddForeignKey
ALTER TABLE "ExternalIdentity" ADD CONSTRAINT "ExternalIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

