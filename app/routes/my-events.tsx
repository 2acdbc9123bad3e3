import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventList } from "~/components/EventList";
import { requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";
import { readerLanguage } from "~/utils/reader-language.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "myEvents");

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const [events, platform] = await Promise.all([
    readerLanguage(context, request).then((language) => context.core.events.listForUser(user.id, language)),
    context.core.platform.viewer({ userId: user.id, sessionId: user.sessionId }),
  ]);
  return json({ events, mayCreateEvents: platform.mayCreateEvents });
}

export default function MyEvents() {
  const { events, mayCreateEvents } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("events.mine")}</h1>
      {mayCreateEvents ? (
        <p>
          <Link to="/events/new" className="button">
            {t("events.newEvent")}
          </Link>
        </p>
      ) : (
        <p className="muted" data-testid="create-policy">
          {t("access.askToOrganise")}
        </p>
      )}
      {events.length ? (
        <EventList
          events={events}
          extra={(e) => (
            <p className="badges">
              {e.roles.map((r) => (
                <span key={r} className="badge">
                  {t(`events.role.${r}`)}
                </span>
              ))}
              {e.registrationStatus ? (
                <span className="badge">{t(`events.registration.${e.registrationStatus}`)}</span>
              ) : null}
            </p>
          )}
        />
      ) : (
        <p>{t("events.mineEmpty")}</p>
      )}
    </section>
  );
}
