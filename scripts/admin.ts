// npm run --silent admin -- --email EMAIL --role admin|organiser|member
// npm run --silent admin -- --list
// The operator's own way to name an administrator (an install upgraded from before
// platform roles has none, and the last administrator may have left) or to approve an
// organiser without the web page. It runs on the server's machine with its DATABASE_URL.
import { parseArgs } from "node:util";
import { isDomainError } from "../server/core/errors";
import { grantPlatformRole } from "../server/core/platform/operator";
import { PLATFORM_ROLES, type PlatformRole } from "../server/core/platform/rules";
import { createDb } from "../server/db/client";
import { EnvError, loadEnv } from "../server/env";

const usage = "usage: npm run --silent admin -- --email EMAIL --role admin|organiser|member   (or --list)";
function fail(message: string): never {
  process.stderr.write(`admin: ${message}\n`);
  process.exit(1);
}

let opts: { email?: string; role?: string; list?: boolean };
try {
  opts = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { email: { type: "string" }, role: { type: "string" }, list: { type: "boolean" } },
    strict: true,
  }).values;
} catch (e) {
  fail(`${(e as Error).message}\n${usage}`);
}
if (!opts.list && (!opts.email || !opts.role)) fail(usage);
if (opts.role && !(PLATFORM_ROLES as readonly string[]).includes(opts.role))
  fail(`unknown role "${opts.role}": choose ${PLATFORM_ROLES.join(", ")}`);

let env;
try {
  env = loadEnv();
} catch (e) {
  fail(e instanceof EnvError ? e.message : String(e));
}
const db = createDb(env.database);
try {
  if (opts.list) {
    const people = await db.user.findMany({
      where: { platformRole: { not: "member" }, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: { email: true, platformRole: true, disabledAt: true },
    });
    for (const p of people) console.log(`${p.platformRole.padEnd(10)} ${p.email}${p.disabledAt ? " (disabled)" : ""}`);
  } else {
    await grantPlatformRole(db, { email: opts.email! }, opts.role as PlatformRole);
    console.log(`${opts.email} is now ${opts.role}.`);
  }
} catch (e) {
  fail(isDomainError(e) ? e.message : (e as Error).message);
} finally {
  await db.$disconnect();
}
