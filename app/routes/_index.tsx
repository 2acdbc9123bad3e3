import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventList } from "~/components/EventList";
import { pageTitle, metaText } from "~/utils/meta";
import { readerLanguage } from "~/utils/reader-language.server";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "home"),
  { name: "description", content: metaText(matches, "homeDescription") },
];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json({ events: await context.core.events.listUpcoming(await readerLanguage(context, request)) });
}

export default function Index() {
  const { events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p>{t("home.intro")}</p>
      </section>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t("home.upcoming")}</h2>
        {events.length ? <EventList events={events} /> : <p>{t("home.none")}</p>}
      </section>
    </>
  );
}
