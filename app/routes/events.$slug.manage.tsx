import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLiveRevalidate } from "~/realtime/use-live-revalidate";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "manage", { title: data.event.title }) : [{ title: "Plenary" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const event = await context.core.events.getForStaff(await actorOf(context), params.slug ?? "").catch(asHttpError);
  return json({ event });
}

export default function ManageLayout() {
  const { event } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  // Figures and lists refresh when registrations change, from whichever process.
  useLiveRevalidate("event:follow", { eventId: event.id }, ["registrations:changed"]);
  const tabs: [string, string][] = [
    ["", t("manage.nav.overview")],
    ["participants", t("manage.nav.participants")],
    ...(event.canRecord ? ([["add-participants", t("organise.people.tab")]] as [string, string][]) : []),
    ...(event.canManage
      ? (["settings", "agenda", "form", "team", "audit"].map((k) => [k, t(`manage.nav.${k}`)]) as [string, string][])
      : []),
    ...(event.canManage ? ([["translations", t("room.translate.tab")]] as [string, string][]) : []),
  ];
  return (
    <div className="manage">
      <p className="eyebrow">
        {t("manage.title")} · {t("manage.statusNow", { status: t(`manage.status.${event.status}`) })}
      </p>
      <h1>{event.title}</h1>
      <p>
        <Link to={`/events/${event.slug}`}>{t("manage.viewPublic")}</Link>
      </p>
      {event.status === "closed" ? (
        <p className="notice" data-testid="report-prompt">
          {t("manage.closedReport")} <Link to={`/events/${event.slug}/report/edit`}>{t("report.generate")}</Link>
        </p>
      ) : null}
      <nav aria-label={t("manage.nav.label")} className="tabs">
        <ul>
          {tabs.map(([path, label]) => (
            <li key={path}>
              <NavLink to={`/events/${event.slug}/manage${path ? `/${path}` : ""}`} end>
                {label}
              </NavLink>
            </li>
          ))}
          {event.canManage ? (
            <li>
              <NavLink to={`/events/${event.slug}/breakouts`}>{t("manage.nav.breakouts")}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
