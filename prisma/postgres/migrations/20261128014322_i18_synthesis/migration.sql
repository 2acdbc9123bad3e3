-- AlterTable
ALTER TABLE "Board" ADD COLUMN     "gatherJson" TEXT NOT NULL DEFAULT '[]';

