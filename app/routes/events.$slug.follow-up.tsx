import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { asHttpError } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { UserText } from "~/components/UserText";
import { useIsolatedT } from "~/i18n/isolate";
import { formatDueDate } from "~/utils/dates";
import { formatDay } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "followUp", { title: data.event.title }) : [{ title: "Plenary" }];

/** The event's action items and how they are going, for anyone. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { event, items } = await context.core.actions.followUp(params.slug ?? "").catch(asHttpError);
  return json({ event: { slug: event.slug, title: event.title, timezone: event.timezone }, items });
}

export default function FollowUp() {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const { event, items } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="fu-title">
      <p className="eyebrow">
        <Link to={`/events/${event.slug}`}>
          <UserText text={event.title} />
        </Link>
      </p>
      <h1 id="fu-title">{t("actions.followUpTitle")}</h1>
      <p>
        <a href={`/events/${event.slug}/follow-up.csv`} download>
          {t("downloads.followUpCsv")}
        </a>{" "}
        ·{" "}
        <a href={`/events/${event.slug}/follow-up.ics`} download>
          {t("actions.calendar")}
        </a>
      </p>
      {items.length === 0 ? (
        <p>{t("actions.none")}</p>
      ) : (
        <ul className="action-list" data-testid="follow-up">
          {items.map((i) => (
            <li key={i.id} className="card">
              <UserText as="h2" className="h3" text={i.title} />
              <p>
                <span className={`badge status-${i.status}`}>{t(`actions.status.${i.status}`)}</span>{" "}
                {i.owner ? <>{ti("actions.ownerIs", { owner: i.owner })} · </> : null}
                {i.dueDate ? t("actions.dueOn", { date: formatDueDate(i.dueDate, i18n.language) }) : t("actions.noDue")}
                {i.from ? <> · {ti("actions.fromCluster", { cluster: i.from })}</> : null}
              </p>
              {i.description ? <UserText as="p" text={i.description} /> : null}
              {i.progress.length ? (
                <ol className="progress" aria-label={t("actions.progress")}>
                  {i.progress.map((p, n) => (
                    <li key={n}>
                      <time dateTime={p.at}>{formatDay(p.at, i18n.language, event.timezone)}</time>:{" "}
                      <UserText text={p.note} />
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
