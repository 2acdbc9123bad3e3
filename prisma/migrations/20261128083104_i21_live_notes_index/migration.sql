-- CreateIndex
CREATE INDEX "Note_boardId_deletedAt_idx" ON "Note"("boardId", "deletedAt");

