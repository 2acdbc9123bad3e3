import { languageName } from "~/utils/languages";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Agenda } from "~/components/Agenda";
import { FormMessage } from "~/components/Field";
import { formToObject, one } from "~/utils/form-data";
import { RegistrationForm } from "~/components/RegistrationForm";
import { getSocket, request } from "~/realtime/socket.client";
import { formatRange } from "~/utils/dates";
import { formatDateTime, formatList } from "~/utils/format";
import { partProps } from "~/utils/content-language";
import { ContentLanguagesProvider, UserText } from "~/components/UserText";
import { ListText } from "~/components/ListText";
import { translateServerMessage } from "~/i18n";
import { useIsolatedT } from "~/i18n/isolate";
import { limitAttempt } from "~/utils/limits.server";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} · Plenary` : "Plenary" },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const event = await context.core.events.getPage(params.slug ?? "", actor).catch(asHttpError);
  const user = await context.user();
  const mine = await context.core.registrations.mine(actor, event.id);
  const boards = await context.core.boards.listForEvent(actor, event.id);
  const outcomes = await context.core.reports.outcomes(actor, event.id);
  return json({ event, mine, boards, outcomes, user: user ? { name: user.name, email: user.email } : null });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const actor = await actorOf(context);
  return formAction(form, async () => {
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    if (form.get("intent") === "register") {
      await limitAttempt(context, "registration", actor ? `user:${actor.userId}` : String(form.get("email") ?? ""));
      const r = await context.core.registrations.register(actor, eventId, formToObject(form), context.publicUrl);
      // Without a session the answer is the same for everyone: what happened (and the link to
      // manage it) goes to the email's owner only, so the form reveals nobody's account or place.
      if (!actor)
        return json({ ok: true as const, intent: "register" as const, sentTo: String(form.get("email") ?? "").trim() });
      return json({
        ok: true as const,
        intent: "register" as const,
        status: r.status,
        position: r.position,
        manageToken: r.manageToken,
      });
    }
    await context.core.events.announce(actor, eventId, { message: form.get("message") });
    return json({ ok: true as const, intent: "announce" as const });
  });
}

type Announcement = { id: string; message: string; createdAt: string };

export default function EventPage() {
  const { event, mine, user, boards, outcomes } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { items: live, following } = useLiveAnnouncements(event.id, event.viewer.roles.length > 0, event.announcements);

  return (
    <ContentLanguagesProvider languages={event.languages}>
      <article className="event">
        <header className="event-header">
          <p className="eyebrow">{t(`events.format.${event.format}`)}</p>
          <UserText as="h1" text={event.title} />
          <dl className="facts">
            <div>
              <dt>{t("events.when")}</dt>
              <dd>{formatRange(event.startsAt, event.endsAt, event.timezone, locale)}</dd>
            </div>
            {event.venue ? (
              <div>
                <dt>{t("events.where")}</dt>
                <dd>
                  <UserText text={event.venue} />
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t("events.languages")}</dt>
              <dd>
                <ListText
                  items={event.languages}
                  render={(l) => (
                    <span lang={l} dir="auto">
                      {languageName(l)}
                    </span>
                  )}
                />
              </dd>
            </div>
            <div>
              <dt>{t("events.organisers")}</dt>
              <dd>
                <ListText items={event.organisers} />
              </dd>
            </div>
            {event.partners.length ? (
              <div>
                <dt>{t("events.partners")}</dt>
                <dd>
                  <ListText items={event.partners} />
                </dd>
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
            <p className="roles">
              {t("events.yourRoles", {
                roles: formatList(
                  event.viewer.roles.map((r) => t(`events.role.${r}`)),
                  locale,
                ),
              })}
            </p>
          ) : null}
          <p className="actions">
            {event.meetingUrl ? (
              <a href={event.meetingUrl} rel="noopener noreferrer">
                {t("events.meetingLink")}
              </a>
            ) : null}
            <a href={`/events/${event.slug}/calendar.ics`} download>
              {t("register.addToCalendar")}
            </a>
            {event.viewer.roles.length ? <Link to={`/events/${event.slug}/live`}>{t("live.goLive")}</Link> : null}
            {event.viewer.canRunBreakouts ? (
              <Link to={`/events/${event.slug}/breakouts`}>{t("breakouts.title")}</Link>
            ) : null}
            {event.viewer.canManage ? <Link to={`/events/${event.slug}/manage`}>{t("events.manage")}</Link> : null}
          </p>
        </header>

        {event.chathamHouse ? (
          <p className="notice" role="note">
            {t("events.chathamHouse")}
          </p>
        ) : null}

        <div
          className="prose"
          {...partProps(event.descriptionHtml.replace(/<[^>]*>/g, " "), event.languages)}
          dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
        />

        {outcomes.published || outcomes.actionItems || outcomes.canEditReport || outcomes.canManageActions ? (
          <section aria-labelledby="outcomes-heading" className="outcomes">
            <h2 id="outcomes-heading">{t("report.outcomes")}</h2>
            <ul>
              {outcomes.published ? (
                <li>
                  <Link to={`/events/${event.slug}/report`}>{t("report.read")}</Link>
                </li>
              ) : null}
              {outcomes.actionItems ? (
                <li>
                  <Link to={`/events/${event.slug}/follow-up`}>{t("report.followUp")}</Link>
                </li>
              ) : null}
              {outcomes.canEditReport ? (
                <li>
                  <Link to={`/events/${event.slug}/report/edit`}>{t("report.edit")}</Link>
                </li>
              ) : null}
              {outcomes.canManageActions ? (
                <li>
                  <Link to={`/events/${event.slug}/actions`}>{t("actions.manageTitle")}</Link>
                </li>
              ) : null}
            </ul>
          </section>
        ) : null}

        <RegistrationSection event={event} mine={mine} user={user} />

        {boards.length ? (
          <section aria-labelledby="boards-heading">
            <h2 id="boards-heading">{t("board.boards")}</h2>
            <ul data-testid="boards">
              {boards.map((b) => (
                <li key={b.id}>
                  <Link to={`/events/${event.slug}/boards/${b.id}`}>
                    <UserText text={b.title} />
                  </Link>
                  {b.round ? (
                    <span className="muted">
                      {" "}
                      · <UserText text={b.round} />
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

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
                    <UserText text={r.title} />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {event.viewer.roles.length || live.length ? (
          <section aria-labelledby="announcements-heading">
            <h2 id="announcements-heading">{t("events.announcements")}</h2>
            <ul
              className="announcements"
              aria-live="polite"
              data-testid="announcements"
              data-following={following ? "yes" : "no"}
            >
              {live.map((a) => (
                <li key={a.id}>
                  <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, locale, event.timezone)}</time>{" "}
                  <UserText text={a.message} />
                </li>
              ))}
            </ul>
            {event.viewer.canAnnounce ? <AnnounceForm /> : null}
          </section>
        ) : null}
      </article>
    </ContentLanguagesProvider>
  );
}

type Registered = { ok: true; intent: "register"; status: string; position: number | null; manageToken: string };
type ActionResult =
  FormResult | { ok: true; intent: "announce" } | Registered | { ok: true; intent: "register"; sentTo: string };

function RegistrationSection({
  event,
  mine,
  user,
}: {
  event: SerializeFrom<typeof loader>["event"];
  mine: SerializeFrom<typeof loader>["mine"];
  user: { name: string; email: string } | null;
}) {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const result = useActionData<ActionResult>();
  const answered = result?.ok && result.intent === "register" ? result : null;
  const sentTo = answered && "sentTo" in answered ? answered.sentTo : null;
  const done = answered && "status" in answered ? answered : null;
  const failed = result && !result.ok && one(result.values, "intent") === "register" ? result : undefined;
  const status = done ?? mine;
  return (
    <section aria-labelledby="register-heading" id="register" className="card">
      <h2 id="register-heading">{status || sentTo ? t("register.youAre") : t("register.title")}</h2>
      {sentTo !== null && !status ? (
        <p role="status">{ti("register.sentByEmail", { email: sentTo })}</p>
      ) : status ? (
        <div role="status">
          <p>
            {done
              ? t(`register.done.${done.status}`, { position: done.position })
              : t(`register.status.${status.status}`, { position: status.position })}
          </p>
          <p>
            <Link to={`/registrations/${status.manageToken}`}>{t("register.manage")}</Link>
          </p>
        </div>
      ) : event.registration.closedReason ? (
        <p>{translateServerMessage(i18n, event.registration.closedReason)}</p>
      ) : (
        <>
          <p>{t("register.intro")}</p>
          {user ? <p>{ti("register.signedInAs", user)}</p> : null}
          <RegistrationForm
            spec={{
              categories: event.registration.categories,
              questions: event.registration.questions,
              languages: event.languages,
              chathamHouse: event.chathamHouse,
            }}
            identity={!user}
            values={failed?.values ?? {}}
            errors={failed?.fieldErrors ?? {}}
            message={failed?.message}
            intent="register"
            submitLabel={t("register.submit")}
          />
        </>
      )}
    </section>
  );
}

function AnnounceForm() {
  const { t } = useTranslation();
  const result = useActionData<ActionResult>();
  const nav = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok && result.intent === "announce" && nav.state === "idle") formRef.current?.reset();
  }, [result, nav.state]);
  const failed = result && !result.ok && one(result.values, "intent") !== "register" ? result : undefined;
  const sent = result?.ok && result.intent === "announce";
  return (
    <Form method="post" ref={formRef} className="announce">
      <input type="hidden" name="intent" value="announce" />
      <FormMessage message={failed?.fieldErrors.message?.join(" ") ?? failed?.message} />
      <label htmlFor="announce-message">{t("events.announceLabel")}</label>
      <textarea
        id="announce-message"
        name="message"
        rows={2}
        maxLength={500}
        required
        defaultValue={one(failed?.values, "message")}
      />
      <button type="submit" disabled={nav.state !== "idle"}>
        {t("events.announceSubmit")}
      </button>
      {sent ? <p role="status">{t("events.announceSent")}</p> : null}
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
    const onAnnouncement = (a: Announcement) =>
      setItems((prev) => (prev.some((p) => p.id === a.id) ? prev : [a, ...prev]));
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
