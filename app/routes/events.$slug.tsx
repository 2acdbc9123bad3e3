import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Agenda } from "~/components/Agenda";
import { FormMessage } from "~/components/Field";
import { getSocket, request } from "~/realtime/socket.client";
import { formatRange } from "~/utils/dates";
import { asHttpError, formAction, type FormResult } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} · Plenary` : "Plenary" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const event = await context.core.events.getPage(params.slug ?? "", actor).catch(asHttpError);
  return json({ event });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const actor = await actorOf(context);
  return formAction(form, async () => {
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    await context.core.events.announce(actor, eventId, { message: form.get("message") });
    return json({ ok: true as const });
  });
}

type Announcement = { id: string; message: string; createdAt: string };

export default function EventPage() {
  const { event } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { items: live, following } = useLiveAnnouncements(event.id, event.viewer.roles.length > 0, event.announcements);

  return (
    <article className="event">
      <header className="event-header">
        <p className="eyebrow">{t(`events.format.${event.format}`)}</p>
        <h1>{event.title}</h1>
        <dl className="facts">
          <div>
            <dt>{t("events.when")}</dt>
            <dd>{formatRange(event.startsAt, event.endsAt, event.timezone, locale)}</dd>
          </div>
          {event.venue ? (
            <div>
              <dt>{t("events.where")}</dt>
              <dd>{event.venue}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("events.languages")}</dt>
            <dd>{event.languages.map((l) => new Intl.DisplayNames([locale], { type: "language" }).of(l) ?? l).join(", ")}</dd>
          </div>
          <div>
            <dt>{t("events.organisers")}</dt>
            <dd>{event.organisers.join(", ")}</dd>
          </div>
          {event.partners.length ? (
            <div>
              <dt>{t("events.partners")}</dt>
              <dd>{event.partners.join(", ")}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("events.places")}</dt>
            <dd>
              {event.capacity
                ? t("events.capacity", { registered: event.registered, capacity: event.capacity })
                : t("events.registeredCount", { registered: event.registered })}
            </dd>
          </div>
        </dl>
        {event.viewer.roles.length ? (
          <p className="roles">{t("events.yourRoles", { roles: event.viewer.roles.map((r) => t(`events.role.${r}`)).join(", ") })}</p>
        ) : null}
        {event.meetingUrl ? (
          <p>
            <a href={event.meetingUrl} rel="noopener noreferrer">
              {t("events.meetingLink")}
            </a>
          </p>
        ) : null}
      </header>

      {event.chathamHouse ? (
        <p className="notice" role="note">
          {t("events.chathamHouse")}
        </p>
      ) : null}

      <div className="prose" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t("events.agenda")}</h2>
        <Agenda items={event.agenda} timezone={event.timezone} eventStart={event.startsAt} />
      </section>

      {event.resources.length ? (
        <section aria-labelledby="resources-heading">
          <h2 id="resources-heading">{t("events.resources")}</h2>
          <ul>
            {event.resources.map((r) => (
              <li key={r.url}>
                <a href={r.url} rel="noopener noreferrer">
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {event.viewer.roles.length || live.length ? (
        <section aria-labelledby="announcements-heading">
          <h2 id="announcements-heading">{t("events.announcements")}</h2>
          <ul className="announcements" aria-live="polite" data-testid="announcements" data-following={following ? "yes" : "no"}>
            {live.map((a) => (
              <li key={a.id}>
                <time dateTime={a.createdAt}>{formatRange(a.createdAt, a.createdAt, event.timezone, locale).split(",").slice(0, 2).join(",")}</time>{" "}
                {a.message}
              </li>
            ))}
          </ul>
          {event.viewer.canAnnounce ? <AnnounceForm /> : null}
        </section>
      ) : null}
    </article>
  );
}

function AnnounceForm() {
  const { t } = useTranslation();
  const result = useActionData<FormResult | { ok: true }>();
  const nav = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok && nav.state === "idle") formRef.current?.reset();
  }, [result, nav.state]);
  const failed = result && !result.ok ? result : undefined;
  return (
    <Form method="post" ref={formRef} className="announce">
      <FormMessage message={failed?.fieldErrors.message?.join(" ") ?? failed?.message} />
      <label htmlFor="announce-message">{t("events.announceLabel")}</label>
      <textarea id="announce-message" name="message" rows={2} maxLength={500} required defaultValue={failed?.values.message} />
      <button type="submit" disabled={nav.state !== "idle"}>
        {t("events.announceSubmit")}
      </button>
      {result?.ok ? <p role="status">{t("events.announceSent")}</p> : null}
    </Form>
  );
}

/** Announcements from the page load, plus the ones broadcast while the page is open. */
function useLiveAnnouncements(eventId: string, follow: boolean, initial: Announcement[]) {
  const [items, setItems] = useState(initial);
  const [following, setFollowing] = useState(false);
  useEffect(() => setItems(initial), [initial]);
  useEffect(() => {
    if (!follow) return;
    let cancelled = false;
    const onAnnouncement = (a: Announcement) => setItems((prev) => (prev.some((p) => p.id === a.id) ? prev : [a, ...prev]));
    const subscribe = () => void request("event:follow", { eventId }).then((ack) => !cancelled && setFollowing(ack.ok));
    void getSocket().then((s) => {
      if (cancelled) return;
      s.on("event:announcement", onAnnouncement);
      // Rooms are per connection: follow again after every reconnect.
      s.on("connect", subscribe);
      if (s.connected) subscribe();
    });
    return () => {
      cancelled = true;
      void getSocket().then((s) => {
        s.off("event:announcement", onAnnouncement);
        s.off("connect", subscribe);
      });
    };
  }, [eventId, follow]);
  return { items, following };
}
