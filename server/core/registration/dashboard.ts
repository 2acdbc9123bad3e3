import { answers as answersColumn } from "../json-columns";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Db } from "../../db/client";
import { type Actor, requirePermission } from "../permissions";
import { REGISTRATION_STATUSES } from "./schemas";

export const dashboardQuery = z.object({
  q: z.string().max(200).optional().default(""),
  status: z.enum(REGISTRATION_STATUSES).or(z.literal("")).optional().default(""),
  category: z.string().max(60).optional().default(""),
  city: z.string().max(120).optional().default(""),
  country: z.string().max(2).optional().default(""),
  sort: z
    .enum(["name", "organisation", "category", "city", "country", "status", "registered"])
    .optional()
    .default("registered"),
  dir: z.enum(["asc", "desc"]).optional().default("asc"),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * The organiser's participant list. Filtering happens here rather than in SQL
 * so search ignores case and accents the same way on SQLite and PostgreSQL;
 * an event has at most a few thousand registrations.
 */
export async function listParticipants(db: Db, actor: Actor, eventId: string, rawQuery: unknown) {
  await requirePermission(db, actor, eventId, "event.view_participants");
  const query = dashboardQuery.parse(rawQuery ?? {});
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timezone: true } });
  const rows = await db.registration.findMany({
    where: { eventId },
    include: { user: { select: { name: true, email: true } }, category: { select: { key: true, label: true } } },
    orderBy: { createdAt: "asc" },
  });
  let waitPos = 0;
  const all = rows.map((r) => ({
    id: r.id,
    name: r.user.name,
    email: r.user.email,
    organisation: r.organisation,
    categoryKey: r.category?.key ?? "",
    category: r.category?.label ?? "",
    roleTitle: r.roleTitle,
    city: r.city,
    country: r.country,
    preferredLanguage: r.preferredLanguage,
    accessibilityNeeds: r.accessibilityNeeds,
    status: r.status,
    waitlistPosition: r.status === "waitlisted" ? ++waitPos : null,
    checkedIn: r.checkedInAt !== null,
    registeredAt: r.createdAt.toISOString(),
    registeredLocal: DateTime.fromJSDate(r.createdAt, { zone: event.timezone }).toFormat("yyyy-MM-dd HH:mm"),
    consentQuote: r.consentQuote,
    answers: answersColumn.read(r.answersJson),
  }));
  const q = fold(query.q.trim());
  const filtered = all.filter(
    (r) =>
      (!q || fold(`${r.name} ${r.email} ${r.organisation} ${r.city}`).includes(q)) &&
      (!query.status || r.status === query.status) &&
      (!query.category || r.categoryKey === query.category) &&
      (!query.city || fold(r.city) === fold(query.city)) &&
      (!query.country || r.country === query.country.toUpperCase()),
  );
  const key = query.sort === "registered" ? "registeredAt" : query.sort;
  filtered.sort(
    (a, b) =>
      String(a[key]).localeCompare(String(b[key]), "en", { sensitivity: "base" }) * (query.dir === "desc" ? -1 : 1),
  );
  return {
    query,
    rows: filtered,
    total: all.length,
    cities: [...new Set(all.map((r) => r.city).filter(Boolean))].sort(),
    countries: [...new Set(all.map((r) => r.country).filter(Boolean))].sort(),
  };
}
