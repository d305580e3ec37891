-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('REGISTERED', 'UPHELD', 'REJECTED');

-- CreateEnum
CREATE TYPE "TypoRequestStatus" AS ENUM ('REGISTERED', 'CONFIRMED', 'CORRECTED', 'NO_ERROR');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('BOOKED', 'CANCELLED', 'ATTENDED', 'MISSED');

-- AlterTable
ALTER TABLE "ResultDocument" ADD COLUMN     "correctsId" UUID;

-- CreateTable
CREATE TABLE "Complaint" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "applicationId" UUID,
    "departmentId" UUID NOT NULL,
    "complainantId" UUID,
    "complainantName" TEXT NOT NULL,
    "complainantEmail" TEXT,
    "complainantAddress" TEXT,
    "channel" "Channel" NOT NULL DEFAULT 'PORTAL',
    "registeredById" UUID,
    "subject" TEXT NOT NULL,
    "againstUserId" UUID,
    "text" TEXT NOT NULL,
    "files" JSONB NOT NULL DEFAULT '[]',
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'REGISTERED',
    "reviewerId" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionText" TEXT,
    "remedy" TEXT,
    "decisionStorageKey" TEXT,
    "decisionSha256" TEXT,
    "decisionSentAt" TIMESTAMP(3),
    "rowVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintAlert" (
    "complaintId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintAlert_pkey" PRIMARY KEY ("complaintId","kind")
);

-- CreateTable
CREATE TABLE "TypoRequest" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "applicationId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "requesterId" UUID,
    "channel" "Channel" NOT NULL DEFAULT 'PORTAL',
    "description" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "checkDueAt" TIMESTAMP(3) NOT NULL,
    "fixDueAt" TIMESTAMP(3) NOT NULL,
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "status" "TypoRequestStatus" NOT NULL DEFAULT 'REGISTERED',
    "handlerId" UUID,
    "checkedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "correctedDocumentId" UUID,
    "letterStorageKey" TEXT,
    "rowVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TypoRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TypoAlert" (
    "typoRequestId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TypoAlert_pkey" PRIMARY KEY ("typoRequestId","kind")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "slotKey" TEXT,
    "userId" UUID,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "purpose" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'BOOKED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "arrivedAt" TIMESTAMP(3),
    "calledAt" TIMESTAMP(3),
    "rowVersion" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "applicationId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("applicationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_number_key" ON "Complaint"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_decisionStorageKey_key" ON "Complaint"("decisionStorageKey");

-- CreateIndex
CREATE INDEX "Complaint_departmentId_status_dueAt_idx" ON "Complaint"("departmentId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Complaint_complainantId_registeredAt_idx" ON "Complaint"("complainantId", "registeredAt");

-- CreateIndex
CREATE INDEX "Complaint_applicationId_idx" ON "Complaint"("applicationId");

-- CreateIndex
CREATE INDEX "Complaint_status_dueAt_idx" ON "Complaint"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Complaint_registeredAt_idx" ON "Complaint"("registeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "TypoRequest_number_key" ON "TypoRequest"("number");

-- CreateIndex
CREATE UNIQUE INDEX "TypoRequest_correctedDocumentId_key" ON "TypoRequest"("correctedDocumentId");

-- CreateIndex
CREATE UNIQUE INDEX "TypoRequest_letterStorageKey_key" ON "TypoRequest"("letterStorageKey");

-- CreateIndex
CREATE INDEX "TypoRequest_applicationId_idx" ON "TypoRequest"("applicationId");

-- CreateIndex
CREATE INDEX "TypoRequest_status_checkDueAt_idx" ON "TypoRequest"("status", "checkDueAt");

-- CreateIndex
CREATE INDEX "TypoRequest_status_fixDueAt_idx" ON "TypoRequest"("status", "fixDueAt");

-- CreateIndex
CREATE INDEX "TypoRequest_registeredAt_idx" ON "TypoRequest"("registeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_slotKey_key" ON "Appointment"("slotKey");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_code_key" ON "Appointment"("code");

-- CreateIndex
CREATE INDEX "Appointment_departmentId_startsAt_idx" ON "Appointment"("departmentId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_serviceId_startsAt_idx" ON "Appointment"("serviceId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_userId_startsAt_idx" ON "Appointment"("userId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_status_startsAt_idx" ON "Appointment"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Rating_serviceId_createdAt_idx" ON "Rating"("serviceId", "createdAt");

-- AddForeignKey
ALTER TABLE "ResultDocument" ADD CONSTRAINT "ResultDocument_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "ResultDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_complainantId_fkey" FOREIGN KEY ("complainantId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_againstUserId_fkey" FOREIGN KEY ("againstUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintAlert" ADD CONSTRAINT "ComplaintAlert_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypoRequest" ADD CONSTRAINT "TypoRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypoRequest" ADD CONSTRAINT "TypoRequest_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "ResultDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypoRequest" ADD CONSTRAINT "TypoRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypoRequest" ADD CONSTRAINT "TypoRequest_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypoRequest" ADD CONSTRAINT "TypoRequest_correctedDocumentId_fkey" FOREIGN KEY ("correctedDocumentId") REFERENCES "ResultDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypoAlert" ADD CONSTRAINT "TypoAlert_typoRequestId_fkey" FOREIGN KEY ("typoRequestId") REFERENCES "TypoRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A rating is 1 to 5 (issue 14 p.4), whatever writes it.
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_score_range" CHECK ("score" BETWEEN 1 AND 5);
