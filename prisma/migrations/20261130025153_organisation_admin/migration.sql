-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'AUDITOR';

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "hours" JSONB,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stageDueProvisional" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ApplicationStage" ADD COLUMN     "dueProvisional" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CalendarYear" ADD COLUMN     "decreeDate" DATE,
ADD COLUMN     "decreeNumber" TEXT;

-- CreateTable
CREATE TABLE "AdminEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "type" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AdminEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminEvent_at_idx" ON "AdminEvent"("at");

-- CreateIndex
CREATE INDEX "AdminEvent_actorId_at_idx" ON "AdminEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AdminEvent_subjectType_subjectId_at_idx" ON "AdminEvent"("subjectType", "subjectId", "at");

-- CreateIndex
CREATE INDEX "AdminEvent_type_at_idx" ON "AdminEvent"("type", "at");

-- AddForeignKey
ALTER TABLE "AdminEvent" ADD CONSTRAINT "AdminEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Administrators' changes are a record like application events (R3): never edited or deleted.
CREATE TRIGGER "AdminEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AdminEvent"
  FOR EACH ROW EXECUTE FUNCTION "reglament_append_only"();

-- Open deadlines already counted over a year without its decree (or a year not loaded at all, which
-- the app derives from the Labour Code) are provisional: shown so, and recomputed when it is loaded.
UPDATE "ApplicationStage" s SET "dueProvisional" = true
WHERE s."leftAt" IS NULL AND s."dueAt" IS NOT NULL AND EXISTS (
  SELECT 1 FROM generate_series(extract(year FROM s."enteredAt")::int, extract(year FROM s."dueAt")::int) AS y(year)
  WHERE NOT EXISTS (SELECT 1 FROM "CalendarYear" c WHERE c."year" = y.year AND NOT c."provisional"));
UPDATE "Application" a SET "stageDueProvisional" = true
WHERE a."closedAt" IS NULL AND a."stageDueAt" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "ApplicationStage" s
  WHERE s."applicationId" = a."id" AND s."leftAt" IS NULL AND s."dueProvisional");
UPDATE "Application" a SET "dueProvisional" = true
WHERE a."closedAt" IS NULL AND a."dueAt" IS NOT NULL AND EXISTS (
  SELECT 1 FROM generate_series(extract(year FROM coalesce(a."registeredAt", a."submittedAt", a."createdAt"))::int,
    extract(year FROM a."dueAt")::int) AS y(year)
  WHERE NOT EXISTS (SELECT 1 FROM "CalendarYear" c WHERE c."year" = y.year AND NOT c."provisional"));
