-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "format" TEXT NOT NULL DEFAULT 'online',
    "venue" TEXT,
    "meetingUrl" TEXT,
    "timezone" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "languagesJson" TEXT NOT NULL DEFAULT '["en"]',
    "chathamHouse" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER,
    "registrationOpensAt" DATETIME,
    "registrationClosesAt" DATETIME,
    "requiresApproval" BOOLEAN NOT NULL DEFAULT false,
    "seatsTaken" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'published',
    "partnersJson" TEXT NOT NULL DEFAULT '[]',
    "organisationsJson" TEXT NOT NULL DEFAULT '[]',
    "translationsJson" TEXT NOT NULL DEFAULT '{}',
    "retentionDays" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("capacity", "chathamHouse", "createdAt", "description", "endsAt", "format", "id", "languagesJson", "meetingUrl", "organisationsJson", "partnersJson", "registrationClosesAt", "registrationOpensAt", "requiresApproval", "retentionDays", "seatsTaken", "slug", "startsAt", "status", "timezone", "title", "updatedAt", "venue") SELECT "capacity", "chathamHouse", "createdAt", "description", "endsAt", "format", "id", "languagesJson", "meetingUrl", "organisationsJson", "partnersJson", "registrationClosesAt", "registrationOpensAt", "requiresApproval", "retentionDays", "seatsTaken", "slug", "startsAt", "status", "timezone", "title", "updatedAt", "venue" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE TABLE "new_AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "translationsJson" TEXT NOT NULL DEFAULT '{}',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    CONSTRAINT "AgendaItem_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AgendaItem" ("description", "endsAt", "eventId", "id", "kind", "position", "startsAt", "title") SELECT "description", "endsAt", "eventId", "id", "kind", "position", "startsAt", "title" FROM "AgendaItem";
DROP TABLE "AgendaItem";
ALTER TABLE "new_AgendaItem" RENAME TO "AgendaItem";
CREATE INDEX "AgendaItem_eventId_position_idx" ON "AgendaItem"("eventId", "position");
CREATE TABLE "new_BreakoutRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "title" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "assignmentMode" TEXT NOT NULL DEFAULT 'auto',
    "categoriesJson" TEXT NOT NULL DEFAULT '["challenges","barriers","opportunities","actions"]',
    "questionsJson" TEXT NOT NULL DEFAULT '[]',
    "translationsJson" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "seed" INTEGER NOT NULL DEFAULT 1,
    "openedAt" DATETIME,
    "endsAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BreakoutRound_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BreakoutRound_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_BreakoutRound" ("agendaItemId", "assignmentMode", "categoriesJson", "closedAt", "createdAt", "durationMinutes", "endsAt", "eventId", "id", "openedAt", "questionsJson", "seed", "status", "title") SELECT "agendaItemId", "assignmentMode", "categoriesJson", "closedAt", "createdAt", "durationMinutes", "endsAt", "eventId", "id", "openedAt", "questionsJson", "seed", "status", "title" FROM "BreakoutRound";
DROP TABLE "BreakoutRound";
ALTER TABLE "new_BreakoutRound" RENAME TO "BreakoutRound";
CREATE TABLE "new_Room" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "question" TEXT NOT NULL DEFAULT '',
    "meetingUrl" TEXT,
    "capacity" INTEGER,
    "constraintJson" TEXT,
    "language" TEXT,
    "translationsJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "Room_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "BreakoutRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Room" ("capacity", "constraintJson", "id", "language", "meetingUrl", "name", "position", "question", "roundId") SELECT "capacity", "constraintJson", "id", "language", "meetingUrl", "name", "position", "question", "roundId" FROM "Room";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

