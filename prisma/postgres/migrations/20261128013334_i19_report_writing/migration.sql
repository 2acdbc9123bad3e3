-- AlterTable
ALTER TABLE "AgendaSpeaker" ADD COLUMN     "contribution" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "quote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "quoteConsent" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN     "draftKey" TEXT,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'manual',
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "sourceLabel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sourceNoteIdsJson" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "suggestedOwner" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "hiddenOrganisationsJson" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "writerJson" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "ReportSection" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'generated',
ADD COLUMN     "machineJson" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "RoomSummary" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "observations" TEXT NOT NULL DEFAULT '',
    "keyMessages" TEXT NOT NULL DEFAULT '',
    "proposedActions" TEXT NOT NULL DEFAULT '',
    "quotesJson" TEXT NOT NULL DEFAULT '[]',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoomSummary_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RoomSummary_roomId_key" ON "RoomSummary"("roomId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionItem_eventId_draftKey_key" ON "ActionItem"("eventId", "draftKey");

-- AddForeignKey
ALTER TABLE "RoomSummary" ADD CONSTRAINT "RoomSummary_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomSummary" ADD CONSTRAINT "RoomSummary_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

