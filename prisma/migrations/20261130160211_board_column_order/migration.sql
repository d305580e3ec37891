-- CreateIndex
CREATE INDEX "Application_currentStage_stageDueAt_closedAt_id_departmentI_idx" ON "Application"("currentStage", "stageDueAt" ASC, "closedAt" DESC, "id", "departmentId", "status", "serviceId");

-- CreateIndex
CREATE INDEX "Application_regulationVersionId_status_idx" ON "Application"("regulationVersionId", "status");

