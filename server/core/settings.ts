import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";

/**
 * Returns the stored value of an instance-wide setting, creating it on first
 * use. Several processes may start at once: the first insert wins and every
 * process reads the winner's value, so they all sign cookies with one secret.
 */
export async function getOrCreateSetting(db: Db, key: string, create: () => string): Promise<string> {
  const existing = await db.setting.findUnique({ where: { key } });
  if (existing) return existing.value;
  try {
    await db.setting.create({ data: { key, value: create() } });
  } catch {
    // Lost the race to another process: fall through and read its value.
  }
  const row = await db.setting.findUniqueOrThrow({ where: { key } });
  return row.value;
}

export const newSecret = () => randomBytes(32).toString("base64url");
