-- AlterTable
ALTER TABLE "Room" ADD COLUMN "language" TEXT;

-- CreateTable
CREATE TABLE "HelpRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "HelpRequest_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HelpRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BreakoutRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "title" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "assignmentMode" TEXT NOT NULL DEFAULT 'auto',
    "categoriesJson" TEXT NOT NULL DEFAULT '["challenges","barriers","opportunities","actions"]',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "seed" INTEGER NOT NULL DEFAULT 1,
    "openedAt" DATETIME,
    "endsAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BreakoutRound_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BreakoutRound_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_BreakoutRound" ("agendaItemId", "assignmentMode", "categoriesJson", "closedAt", "createdAt", "durationMinutes", "endsAt", "eventId", "id", "openedAt", "status", "title") SELECT "agendaItemId", "assignmentMode", "categoriesJson", "closedAt", "createdAt", "durationMinutes", "endsAt", "eventId", "id", "openedAt", "status", "title" FROM "BreakoutRound";
DROP TABLE "BreakoutRound";
ALTER TABLE "new_BreakoutRound" RENAME TO "BreakoutRound";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "HelpRequest_roomId_resolvedAt_idx" ON "HelpRequest"("roomId", "resolvedAt");

