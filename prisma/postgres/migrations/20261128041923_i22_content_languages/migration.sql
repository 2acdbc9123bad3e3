-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "translationsJson" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "translationsJson" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "BreakoutRound" ADD COLUMN     "translationsJson" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "translationsJson" TEXT NOT NULL DEFAULT '{}';

