-- CreateTable
CREATE TABLE "RoomSummary" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "observations" TEXT NOT NULL DEFAULT '',
    "keyMessages" TEXT NOT NULL DEFAULT '',
    "proposedActions" TEXT NOT NULL DEFAULT '',
    "quotesJson" TEXT NOT NULL DEFAULT '[]',
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoomSummary_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoomSummary_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AgendaSpeaker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agendaItemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "organisation" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "contribution" TEXT NOT NULL DEFAULT '',
    "quote" TEXT NOT NULL DEFAULT '',
    "quoteConsent" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "AgendaSpeaker_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AgendaSpeaker" ("agendaItemId", "id", "name", "organisation", "position", "title") SELECT "agendaItemId", "id", "name", "organisation", "position", "title" FROM "AgendaSpeaker";
DROP TABLE "AgendaSpeaker";
ALTER TABLE "new_AgendaSpeaker" RENAME TO "AgendaSpeaker";
CREATE TABLE "new_ActionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "clusterId" TEXT,
    "noteId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "ownerEmail" TEXT,
    "dueDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "remindedAt" DATETIME,
    "origin" TEXT NOT NULL DEFAULT 'manual',
    "draftKey" TEXT,
    "sourceLabel" TEXT NOT NULL DEFAULT '',
    "sourceNoteIdsJson" TEXT NOT NULL DEFAULT '[]',
    "suggestedOwner" TEXT NOT NULL DEFAULT '',
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ActionItem_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ActionItem" ("clusterId", "createdAt", "description", "dueDate", "eventId", "id", "noteId", "owner", "ownerEmail", "remindedAt", "status", "title", "updatedAt") SELECT "clusterId", "createdAt", "description", "dueDate", "eventId", "id", "noteId", "owner", "ownerEmail", "remindedAt", "status", "title", "updatedAt" FROM "ActionItem";
DROP TABLE "ActionItem";
ALTER TABLE "new_ActionItem" RENAME TO "ActionItem";
CREATE UNIQUE INDEX "ActionItem_eventId_draftKey_key" ON "ActionItem"("eventId", "draftKey");
CREATE TABLE "new_Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "withdrawnNotice" TEXT,
    "figuresJson" TEXT NOT NULL DEFAULT '{}',
    "writerJson" TEXT NOT NULL DEFAULT '{}',
    "hiddenOrganisationsJson" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Report_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("createdAt", "eventId", "figuresJson", "id", "locale", "status", "updatedAt", "withdrawnNotice") SELECT "createdAt", "eventId", "figuresJson", "id", "locale", "status", "updatedAt", "withdrawnNotice" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE UNIQUE INDEX "Report_eventId_key" ON "Report"("eventId");
CREATE TABLE "new_ReportSection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'generated',
    "title" TEXT NOT NULL,
    "generatedMarkdown" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "edited" BOOLEAN NOT NULL DEFAULT false,
    "pendingMarkdown" TEXT,
    "machineJson" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportSection_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReportSection" ("edited", "generatedMarkdown", "id", "key", "markdown", "pendingMarkdown", "position", "reportId", "title", "updatedAt") SELECT "edited", "generatedMarkdown", "id", "key", "markdown", "pendingMarkdown", "position", "reportId", "title", "updatedAt" FROM "ReportSection";
DROP TABLE "ReportSection";
ALTER TABLE "new_ReportSection" RENAME TO "ReportSection";
CREATE UNIQUE INDEX "ReportSection_reportId_key_key" ON "ReportSection"("reportId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "RoomSummary_roomId_key" ON "RoomSummary"("roomId");

