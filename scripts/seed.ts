// Seeds the demo dialogue into an empty database (npm run db:seed).
import { createDb } from "../server/db/client";
import { loadEnv } from "../server/env";
import { DEMO_ADMIN, DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../server/seed/demo";

const env = loadEnv();
const db = createDb(env.database);
try {
  const { seeded, eventSlug } = await seedDemo(db);
  if (seeded) console.log(`Seeded the demo dialogue at /events/${eventSlug}.`);
  else console.log("The database already has events or accounts; no demo was seeded.");
  // Printed on every start while the demo accounts exist, so nobody has to dig for them.
  const present = await db.user.count({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } });
  if (present > 0) {
    console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
    console.log(`  ${"admin".padEnd(12)} ${DEMO_ADMIN.email} (platform administrator: users, settings, dev mailbox)`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(12)} ${l.email}`);
  }
} finally {
  await db.$disconnect();
}
