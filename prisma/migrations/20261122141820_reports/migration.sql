-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN "remindedAt" DATETIME;

-- AlterTable
ALTER TABLE "ReportSection" ADD COLUMN "pendingMarkdown" TEXT;

-- AlterTable
ALTER TABLE "ReportVersion" ADD COLUMN "publishedById" TEXT;

-- CreateTable
CREATE TABLE "ReportExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportExport_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "withdrawnNotice" TEXT,
    "figuresJson" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Report_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("createdAt", "eventId", "id", "locale", "status", "updatedAt", "withdrawnNotice") SELECT "createdAt", "eventId", "id", "locale", "status", "updatedAt", "withdrawnNotice" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE UNIQUE INDEX "Report_eventId_key" ON "Report"("eventId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ReportExport_versionId_format_key" ON "ReportExport"("versionId", "format");

