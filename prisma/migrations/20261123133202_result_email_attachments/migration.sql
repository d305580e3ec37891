-- AlterTable
ALTER TABLE "OutgoingEmail" ADD COLUMN     "attachments" JSONB;

