// Applies pending migrations for the database DATABASE_URL points to (npm run db:migrate).
import { migrate } from "../server/db/migrate";
import { loadEnv } from "../server/env";

try {
  process.stdout.write(await migrate(loadEnv().database));
} catch (e) {
  process.stderr.write(`plenary: ${(e as Error).message}\n`);
  process.exit(1);
}
