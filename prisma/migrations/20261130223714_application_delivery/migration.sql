-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "delivery" TEXT;

