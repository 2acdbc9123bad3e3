import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatRange } from "~/utils/dates";
import { UserText } from "~/components/UserText";

export type EventSummary = {
  id: string;
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  format: string;
};

export function EventList<E extends EventSummary>({ events, extra }: { events: E[]; extra?: (e: E) => ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li key={e.id} className="card">
          <h3>
            <Link to={`/events/${e.slug}`}>
              <UserText text={e.title} />
            </Link>
          </h3>
          <p className="muted">
            {formatRange(e.startsAt, e.endsAt, e.timezone, i18n.language)} · {t(`events.format.${e.format}`)}
          </p>
          {extra?.(e)}
        </li>
      ))}
    </ul>
  );
}
