import { useTranslation } from "react-i18next";
import { formatTimes, zoneAbbrev } from "~/utils/dates";
import { useViewerTimezone } from "~/utils/use-viewer-timezone";
import { UserText } from "~/components/UserText";
import { useIsolatedT } from "~/i18n/isolate";

export type AgendaEntry = {
  id: string;
  kind: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  speakers: { name: string; title: string; organisation: string }[];
};

/** The agenda as a table, with times in the event's zone and, when different, the viewer's. */
export function Agenda({
  items,
  timezone,
  eventStart,
}: {
  items: AgendaEntry[];
  timezone: string;
  eventStart: string;
}) {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const viewerTz = useViewerTimezone();
  const locale = i18n.language;
  const showViewer =
    viewerTz !== null && zoneAbbrev(eventStart, viewerTz, locale) !== zoneAbbrev(eventStart, timezone, locale);
  return (
    <>
      <p className="muted">
        {showViewer
          ? ti("events.agendaTimes", { tz: timezone, viewerTz })
          : ti("events.agendaTimesEventOnly", { tz: timezone })}
      </p>
      <table className="agenda">
        <caption className="visually-hidden">{t("events.agenda")}</caption>
        <thead>
          <tr>
            <th scope="col">
              {t("events.timeEvent")} ({zoneAbbrev(eventStart, timezone, locale)})
            </th>
            {showViewer ? (
              <th scope="col">
                {t("events.timeViewer")} ({zoneAbbrev(eventStart, viewerTz, locale)})
              </th>
            ) : null}
            <th scope="col">{t("events.item")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className="time" data-testid="agenda-event-time">
                {formatTimes(item.startsAt, item.endsAt, timezone, locale, eventStart)}
              </td>
              {showViewer ? (
                <td className="time" data-testid="agenda-viewer-time">
                  {formatTimes(item.startsAt, item.endsAt, viewerTz, locale, eventStart)}
                </td>
              ) : null}
              <td>
                <span className={`kind kind-${item.kind}`}>
                  {t(`events.kind.${item.kind}`, { defaultValue: t("events.kind.other") })}
                </span>{" "}
                <UserText as="strong" text={item.title} />
                {item.description ? <UserText as="p" text={item.description} /> : null}
                {item.speakers.length ? (
                  <div className="speakers">
                    <span>{t("events.speakers")}:</span>
                    <ul>
                      {item.speakers.map((s) => (
                        <li key={s.name}>
                          <UserText text={[s.name, s.title, s.organisation].filter(Boolean).join(", ")}>
                            {s.name}
                            {s.title || s.organisation ? (
                              <span className="muted">, {[s.title, s.organisation].filter(Boolean).join(", ")}</span>
                            ) : null}
                          </UserText>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
