-- AlterEnum
ALTER TYPE "VersionStatus" ADD VALUE 'DISCARDED';

-- AlterTable
ALTER TABLE "RegulationVersion" ADD COLUMN     "actDate" DATE,
ADD COLUMN     "actNumber" TEXT,
ADD COLUMN     "basedOnId" UUID,
ADD COLUMN     "discardedAt" TIMESTAMP(3),
ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedById" UUID;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "variantCode" TEXT;

-- AddForeignKey
ALTER TABLE "RegulationVersion" ADD CONSTRAINT "RegulationVersion_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "RegulationVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationVersion" ADD CONSTRAINT "RegulationVersion_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

