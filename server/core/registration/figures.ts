import { DateTime } from "luxon";
import type { Db } from "../../db/client";

export type Figures = Awaited<ReturnType<typeof registrationFigures>>;

/**
 * Who is coming, in numbers: the dashboard's charts and the report's
 * participation section both read these, so they always agree.
 */
export async function registrationFigures(db: Db, eventId: string) {
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { timezone: true, capacity: true, seatsTaken: true },
  });
  const regs = await db.registration.findMany({
    where: { eventId },
    select: {
      status: true,
      createdAt: true,
      checkedInAt: true,
      city: true,
      country: true,
      organisation: true,
      category: { select: { key: true, label: true } },
    },
  });
  const categories = await db.stakeholderCategory.findMany({ where: { eventId }, orderBy: { position: "asc" } });
  const byStatus = { pending: 0, confirmed: 0, waitlisted: 0, rejected: 0, cancelled: 0 } as Record<string, number>;
  for (const r of regs) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const active = regs.filter((r) => r.status === "confirmed" || r.status === "pending" || r.status === "waitlisted");
  const confirmed = regs.filter((r) => r.status === "confirmed");
  const checkedIn = confirmed.filter((r) => r.checkedInAt).length;

  const count = <K extends string>(items: typeof regs, key: (r: (typeof regs)[number]) => K | null) => {
    const m = new Map<K, number>();
    for (const r of items) {
      const k = key(r);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  };

  // Cumulative active registrations per day, in the event's timezone.
  const perDay = count(active, (r) => DateTime.fromJSDate(r.createdAt, { zone: event.timezone }).toISODate()).sort(
    (a, b) => a[0].localeCompare(b[0]),
  );
  let running = 0;
  const overTime = perDay.map(([date, n]) => ({ date, count: (running += n) }));

  return {
    capacity: event.capacity,
    seatsTaken: event.seatsTaken,
    total: regs.length,
    active: active.length,
    byStatus,
    checkedIn,
    attendanceRate: confirmed.length ? checkedIn / confirmed.length : null,
    organisations: new Set(active.map((r) => r.organisation.trim().toLowerCase()).filter(Boolean)).size,
    overTime,
    byCategory: categories.map((c) => ({
      key: c.key,
      label: c.label,
      count: active.filter((r) => r.category?.key === c.key).length,
    })),
    byCountry: count(active, (r) => r.country || null).map(([country, n]) => ({ country, count: n })),
    byCity: count(active, (r) => (r.city ? `${r.city}|${r.country}` : null)).map(([k, n]) => {
      const [city, country] = k.split("|");
      return { city: city!, country: country!, count: n };
    }),
  };
}
