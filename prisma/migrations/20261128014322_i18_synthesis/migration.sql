-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Board" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "roomId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'room',
    "title" TEXT NOT NULL,
    "categoriesJson" TEXT NOT NULL DEFAULT '["challenges","barriers","opportunities","actions"]',
    "phase" TEXT NOT NULL DEFAULT 'write',
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "dotBudget" INTEGER NOT NULL DEFAULT 5,
    "maxNotes" INTEGER NOT NULL DEFAULT 1000,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "timerEndsAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gatherJson" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Board_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Board_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Board" ("categoriesJson", "createdAt", "dotBudget", "eventId", "id", "kind", "locked", "maxNotes", "phase", "roomId", "seq", "timerEndsAt", "title") SELECT "categoriesJson", "createdAt", "dotBudget", "eventId", "id", "kind", "locked", "maxNotes", "phase", "roomId", "seq", "timerEndsAt", "title" FROM "Board";
DROP TABLE "Board";
ALTER TABLE "new_Board" RENAME TO "Board";
CREATE UNIQUE INDEX "Board_roomId_key" ON "Board"("roomId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

