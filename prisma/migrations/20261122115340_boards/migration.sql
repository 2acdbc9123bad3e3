-- CreateTable
CREATE TABLE "NoteReaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "noteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "emoji" TEXT NOT NULL,
    CONSTRAINT "NoteReaction_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NoteReaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NoteComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "noteId" TEXT NOT NULL,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    CONSTRAINT "NoteComment_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NoteComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

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
    CONSTRAINT "Board_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Board_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Board" ("categoriesJson", "createdAt", "dotBudget", "eventId", "id", "kind", "locked", "phase", "roomId", "seq", "timerEndsAt", "title") SELECT "categoriesJson", "createdAt", "dotBudget", "eventId", "id", "kind", "locked", "phase", "roomId", "seq", "timerEndsAt", "title" FROM "Board";
DROP TABLE "Board";
ALTER TABLE "new_Board" RENAME TO "Board";
CREATE UNIQUE INDEX "Board_roomId_key" ON "Board"("roomId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "NoteReaction_noteId_userId_emoji_key" ON "NoteReaction"("noteId", "userId", "emoji");

