// Applies pending migrations for the database DATABASE_URL points to (npm run db:migrate).
import { migrate } from "../server/db/migrate";
import { loadEnv } from "../server/env";

try {
  const out = await migrate(loadEnv().database);
  // prisma prints a page of detail; its last line is the summary people need.
  const summary = out
    .trim()
    .split("\n")
    .filter((l) => l.trim())
    .pop();
  console.log(summary ?? "Migrations applied.");
} catch (e) {
  process.stderr.write(`plenary: ${(e as Error).message}\n`);
  process.exit(1);
}
