import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLiveRevalidate } from "~/realtime/use-live-revalidate";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";
import { MANAGE_PAGES } from "~/utils/manage-pages";
import { ContentLanguagesProvider, UserText } from "~/components/UserText";

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
  // Each sub-page says which it is (its route's handle): the heading names it beside the event.
  const page = useMatches()
    .map((m) => (m.handle as { managePage?: string } | undefined)?.managePage)
    .findLast(Boolean);
  // Figures and lists refresh when registrations change, from whichever process.
  useLiveRevalidate("event:follow", { eventId: event.id }, ["registrations:changed"]);
  const tabs: [string, string][] = [
    ["", t("manage.nav.overview")],
    ["participants", t("manage.nav.participants")],
    ...(event.canRecord ? ([["add-participants", t("organise.people.tab")]] as [string, string][]) : []),
    ...(event.canManage
      ? (["settings", "agenda", "form", "team", "audit"].map((k) => [k, t(`manage.nav.${k}`)]) as [string, string][])
      : []),
  ];
  return (
    <ContentLanguagesProvider languages={event.languages}>
      <div className="manage">
        <p className="eyebrow">
          {t("manage.title")} · {t("manage.statusNow", { status: t(`manage.status.${event.status}`) })}
        </p>
        {page && page !== "overview" ? (
          <h1 data-testid="manage-heading">
            {t(MANAGE_PAGES[page]!)}
            <span className="visually-hidden">: </span>
            <UserText text={event.title} className="heading-event" />
          </h1>
        ) : (
          <UserText as="h1" text={event.title} testId="manage-heading" />
        )}
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
    </ContentLanguagesProvider>
  );
}
