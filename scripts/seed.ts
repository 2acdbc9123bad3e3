// Seeds the demo dialogue into an empty database (npm run db:seed).
import { createDb } from "../server/db/client";
import { loadEnv } from "../server/env";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../server/seed/demo";

const env = loadEnv();
const db = createDb(env.database);
try {
  const { seeded, eventSlug } = await seedDemo(db);
  if (seeded) {
    console.log(`Seeded the demo dialogue /events/${eventSlug}. Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(12)} ${l.email}`);
  } else {
    console.log("The database already has events; the demo was not seeded.");
  }
} finally {
  await db.$disconnect();
}
