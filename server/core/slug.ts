import { randomBytes } from "node:crypto";

/** A URL-safe slug; titles in non-Latin scripts get a random one rather than an empty string. */
export function slugify(text: string, max = 60): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
  return s.length >= 3 ? s : `event-${randomBytes(3).toString("hex")}`;
}
