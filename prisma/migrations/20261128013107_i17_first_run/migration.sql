-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "platformRole" TEXT NOT NULL DEFAULT 'member',
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);
INSERT INTO "new_User" ("createdAt", "deletedAt", "email", "id", "locale", "name", "passwordHash", "updatedAt") SELECT "createdAt", "deletedAt", "email", "id", "locale", "name", "passwordHash", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
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
    "retentionDays" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("capacity", "chathamHouse", "createdAt", "description", "endsAt", "format", "id", "languagesJson", "meetingUrl", "partnersJson", "registrationClosesAt", "registrationOpensAt", "requiresApproval", "retentionDays", "seatsTaken", "slug", "startsAt", "status", "timezone", "title", "updatedAt", "venue") SELECT "capacity", "chathamHouse", "createdAt", "description", "endsAt", "format", "id", "languagesJson", "meetingUrl", "partnersJson", "registrationClosesAt", "registrationOpensAt", "requiresApproval", "retentionDays", "seatsTaken", "slug", "startsAt", "status", "timezone", "title", "updatedAt", "venue" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE TABLE "new_BreakoutRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "title" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "assignmentMode" TEXT NOT NULL DEFAULT 'auto',
    "categoriesJson" TEXT NOT NULL DEFAULT '["challenges","barriers","opportunities","actions"]',
    "questionsJson" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "seed" INTEGER NOT NULL DEFAULT 1,
    "openedAt" DATETIME,
    "endsAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BreakoutRound_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BreakoutRound_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_BreakoutRound" ("agendaItemId", "assignmentMode", "categoriesJson", "closedAt", "createdAt", "durationMinutes", "endsAt", "eventId", "id", "openedAt", "seed", "status", "title") SELECT "agendaItemId", "assignmentMode", "categoriesJson", "closedAt", "createdAt", "durationMinutes", "endsAt", "eventId", "id", "openedAt", "seed", "status", "title" FROM "BreakoutRound";
DROP TABLE "BreakoutRound";
ALTER TABLE "new_BreakoutRound" RENAME TO "BreakoutRound";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Existing installs: people who already organise an event keep the right to create events
-- once only approved organisers may (the default). No administrator is made here: the log
-- says how to name one (npm run admin), since the oldest account may be a demo login.
UPDATE "User" SET "platformRole" = 'organiser'
WHERE "id" IN (SELECT "userId" FROM "EventRole" WHERE "role" = 'organiser');
