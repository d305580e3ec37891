-- CreateEnum
CREATE TYPE "AccountLinkPurpose" AS ENUM ('CLAIM', 'RESET');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- Accounts that already had a password were the owners of their address under the old rules (no
-- deployment predates this change); an account opened for a paper application stays unproven.
UPDATE "User" SET "emailVerifiedAt" = "createdAt" WHERE "passwordHash" IS NOT NULL;

-- AlterTable: the address of each existing link is its account's.
ALTER TABLE "AccountClaim" ADD COLUMN     "email" TEXT,
ADD COLUMN     "purpose" "AccountLinkPurpose" NOT NULL DEFAULT 'CLAIM',
ALTER COLUMN "userId" DROP NOT NULL;
UPDATE "AccountClaim" c SET "email" = u."email" FROM "User" u WHERE u."id" = c."userId";
ALTER TABLE "AccountClaim" ALTER COLUMN "email" SET NOT NULL;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

-- CreateIndex
CREATE INDEX "AccountClaim_email_createdAt_idx" ON "AccountClaim"("email", "createdAt");

