-- AlterTable
ALTER TABLE "User" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "platformRole" TEXT NOT NULL DEFAULT 'member';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "organisationsJson" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "BreakoutRound" ADD COLUMN     "questionsJson" TEXT NOT NULL DEFAULT '[]';


-- Existing installs: people who already organise an event keep the right to create events
-- once only approved organisers may (the default). No administrator is made here: the log
-- says how to name one (npm run admin), since the oldest account may be a demo login.
UPDATE "User" SET "platformRole" = 'organiser'
WHERE "id" IN (SELECT "userId" FROM "EventRole" WHERE "role" = 'organiser');
