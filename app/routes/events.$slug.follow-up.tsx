import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { asHttpError } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "followUp", { title: data.event.title }) : [{ title: "Plenary" }];

/** The event's action items and how they are going, for anyone. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { event, items } = await context.core.actions.followUp(params.slug ?? "").catch(asHttpError);
  return json({ event: { slug: event.slug, title: event.title }, items });
}

export default function FollowUp() {
  const { t } = useTranslation();
  const { event, items } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="fu-title">
      <p className="eyebrow">
        <Link to={`/events/${event.slug}`}>{event.title}</Link>
      </p>
      <h1 id="fu-title">{t("actions.followUpTitle")}</h1>
      <p>
        <a href={`/events/${event.slug}/follow-up.csv`} download>
          CSV
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
              <h2 className="h3">{i.title}</h2>
              <p>
                <span className={`badge status-${i.status}`}>{t(`actions.status.${i.status}`)}</span>{" "}
                {i.owner ? <>{t("actions.ownerIs", { owner: i.owner })} · </> : null}
                {i.dueDate ? t("actions.dueOn", { date: i.dueDate }) : t("actions.noDue")}
                {i.from ? <> · {t("actions.fromCluster", { cluster: i.from })}</> : null}
              </p>
              {i.description ? <p>{i.description}</p> : null}
              {i.progress.length ? (
                <ol className="progress" aria-label={t("actions.progress")}>
                  {i.progress.map((p, n) => (
                    <li key={n}>
                      <time dateTime={p.at}>{p.at.slice(0, 10)}</time>: {p.note}
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
