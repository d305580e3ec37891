-- CreateIndex
CREATE INDEX "ApplicationEvent_at_id_idx" ON "ApplicationEvent"("at", "id");

-- CreateIndex
CREATE INDEX "ApplicationEvent_actorId_at_idx" ON "ApplicationEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "ApplicationEvent_type_at_idx" ON "ApplicationEvent"("type", "at");

