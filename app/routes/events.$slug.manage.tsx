import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { getSocket, request as socketRequest } from "~/realtime/socket.client";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Manage · ${data.event.title} · Plenary` : "Plenary" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const event = await context.core.events.getForStaff(await actorOf(context), params.slug ?? "").catch(asHttpError);
  return json({ event });
}

/** Management pages refresh their data when registrations change, from whichever process. */
function useLiveRegistrations(eventId: string) {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Bursts of registrations trigger one reload, not one each.
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => !cancelled && revalidate(), 300);
    };
    const follow = () => void socketRequest("event:follow", { eventId });
    void getSocket().then((s) => {
      if (cancelled) return;
      s.on("registrations:changed", onChange);
      s.on("connect", follow);
      if (s.connected) follow();
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void getSocket().then((s) => {
        s.off("registrations:changed", onChange);
        s.off("connect", follow);
      });
    };
  }, [eventId, revalidate]);
}

export default function ManageLayout() {
  const { event } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  useLiveRegistrations(event.id);
  const tabs = [
    ["", "overview"],
    ["participants", "participants"],
    ...(event.canManage ? [["settings", "settings"], ["agenda", "agenda"], ["form", "form"], ["team", "team"]] : []),
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
      <nav aria-label={t("manage.nav.label")} className="tabs">
        <ul>
          {tabs.map(([path, key]) => (
            <li key={key}>
              <NavLink to={`/events/${event.slug}/manage${path ? `/${path}` : ""}`} end>
                {t(`manage.nav.${key}`)}
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
