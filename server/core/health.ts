import type { Db } from "../db/client";

export type Health = { ok: boolean; database: "ok" | "unreachable"; reason?: string };

/** Whether the database answers within `timeoutMs`; used by /healthz and by load balancers. */
export async function checkHealth(db: Db, timeoutMs = 2000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, database: "ok" };
  } catch (e) {
    return { ok: false, database: "unreachable", reason: (e as Error).message.split("\n")[0] };
  } finally {
    clearTimeout(timer);
  }
}
