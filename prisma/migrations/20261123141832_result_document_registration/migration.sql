-- AlterTable
ALTER TABLE "ResultDocument" ADD COLUMN     "content" JSONB,
ADD COLUMN     "signedSha256" TEXT,
ADD COLUMN     "signedStorageKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ResultDocument_signedStorageKey_key" ON "ResultDocument"("signedStorageKey");

