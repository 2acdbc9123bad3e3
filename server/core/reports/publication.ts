import { DateTime } from "luxon";

/**
 * The day a version was published, in the event's timezone and the report's language: the one
 * date every export and the public page print (an instant near midnight is another day in UTC).
 */
export function publicationDay(publishedAt: string, timezone: string, locale: string): { iso: string; text: string } {
  const d = DateTime.fromISO(publishedAt, { zone: "utc" }).setZone(timezone).setLocale(locale);
  return { iso: d.toISODate()!, text: d.toLocaleString(DateTime.DATE_FULL) };
}

/** "Version 2 · 28 November 2026", or the draft's label. */
export function versionLine(
  c: { version: number | null; publishedAt: string | null; timezone: string; locale: string },
  labels: { version: string; draft: string },
): string {
  if (!c.version) return labels.draft;
  return c.publishedAt
    ? `${labels.version} ${c.version} · ${publicationDay(c.publishedAt, c.timezone, c.locale).text}`
    : `${labels.version} ${c.version}`;
}
