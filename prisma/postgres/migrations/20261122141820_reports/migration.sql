-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "figuresJson" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "ReportSection" ADD COLUMN     "pendingMarkdown" TEXT;

-- AlterTable
ALTER TABLE "ReportVersion" ADD COLUMN     "publishedById" TEXT;

-- CreateTable
CREATE TABLE "ReportExport" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportExport_versionId_format_key" ON "ReportExport"("versionId", "format");

-- AddForeignKey
ALTER TABLE "ReportExport" ADD CONSTRAINT "ReportExport_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

