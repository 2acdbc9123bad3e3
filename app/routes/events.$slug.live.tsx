import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LiveState } from "../../server/core/breakouts/live-state";
import { GuidingQuestions } from "~/components/GuidingQuestions";
import { Countdown } from "~/components/Countdown";
import { getSocket, request } from "~/realtime/socket.client";
import { useConnection } from "~/realtime/use-connection";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";
import { UserText } from "~/components/UserText";
import { translateServerMessage } from "~/i18n";
import { useIsolatedT } from "~/i18n/isolate";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "live", { title: data.event.title }) : [{ title: "Plenary" }];

export async function loader({ params, context, request: req }: LoaderFunctionArgs) {
  await requireUser(context, req);
  const actor = await actorOf(context);
  const event = await context.core.events.bySlug(params.slug ?? "").catch(asHttpError);
  const state = await context.core.breakouts.stateFor(actor, event.id).catch(asHttpError);
  return json({ event, state });
}

type Presence = { roomId: string; people: { userId: string; name: string }[] };

/**
 * The participant's live screen. It follows the server: a round opening moves
 * it to the person's room, closing brings it back to the plenary, and a
 * reconnect asks for the current state again, so a reload loses nothing.
 */
export default function Live() {
  const { event, state: initial } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const [state, setState] = useState<LiveState>(initial);
  const [offset, setOffset] = useState(() => Date.parse(initial.serverNow) - Date.now());
  const [messages, setMessages] = useState<{ id: string; message: string }[]>([]);
  const [people, setPeople] = useState<Presence["people"]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const connection = useConnection();
  const heading = useRef<HTMLHeadingElement>(null);
  const roomId = state.room?.id ?? null;
  // Read by the presence listener, which is set up once and must see the current room.
  const roomIdRef = useRef(roomId);
  roomIdRef.current = roomId;

  useEffect(() => {
    let cancelled = false;
    const apply = (s: LiveState) => {
      if (cancelled) return;
      setOffset(Date.parse(s.serverNow) - Date.now());
      setState((prev) => {
        if (prev.round && !s.round) setNotice(t("live.roundClosed"));
        if (s.room) setNotice(null);
        return s;
      });
    };
    const join = () => void request("live:join", { eventId: event.id }).then((a) => a.ok && apply(a.data));
    const onTimer = (p: { endsAt: string; serverNow: string }) => {
      setOffset(Date.parse(p.serverNow) - Date.now());
      setState((prev) => (prev.round ? { ...prev, round: { ...prev.round, endsAt: p.endsAt } } : prev));
    };
    const onMessage = (m: { id: string; message: string }) => setMessages((prev) => [m, ...prev].slice(0, 5));
    const onPresence = (p: Presence) => setPeople((prev) => (p.roomId === roomIdRef.current ? p.people : prev));
    void getSocket().then((s) => {
      if (cancelled) return;
      s.on("live:state", apply);
      s.on("round:timer", onTimer);
      s.on("round:message", onMessage);
      s.on("room:presence", onPresence);
      s.on("connect", join);
      if (s.connected) join();
    });
    return () => {
      cancelled = true;
      void getSocket().then((s) => {
        s.off("live:state", apply);
        s.off("round:timer", onTimer);
        s.off("round:message", onMessage);
        s.off("room:presence", onPresence);
        s.off("connect", join);
      });
    };
  }, [event.id, t]);

  // Enter the room's channel whenever the room changes (and after reconnects, through live:join).
  useEffect(() => {
    if (!roomId) {
      setPeople([]);
      void request("room:leave", { eventId: event.id });
      return;
    }
    void request("room:enter", { eventId: event.id, roomId }).then((a) => a.ok && setPeople(a.data.people));
  }, [roomId, event.id, connection]);

  // Moving between plenary and room moves focus to the new heading, so keyboard and screen-reader users follow.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [roomId, state.round?.id]);

  return (
    <section className="live" data-testid="live" data-room={roomId ?? "plenary"}>
      <p className="eyebrow">
        <Link to={`/events/${event.slug}`}>
          <UserText text={event.title} />
        </Link>
      </p>
      <p className={`connection connection-${connection}`} role="status">
        {t(`live.connection.${connection}`)}
      </p>
      {/* Always in the page, so a notice that appears (the round closed) is announced, not only shown. */}
      <div role="status" data-testid="live-notice">
        {notice ? <p className="notice">{translateServerMessage(i18n, notice)}</p> : null}
      </div>
      {state.room && state.round ? (
        <RoomView
          state={state}
          offset={offset}
          people={people}
          headingRef={heading}
          eventId={event.id}
          slug={event.slug}
        />
      ) : state.round && state.choices ? (
        <>
          <h1 ref={heading} tabIndex={-1}>
            {t("live.chooseRoom")}
          </h1>
          <ul className="plain-list">
            {state.choices.map((c) => (
              <li key={c.id} className="card">
                <UserText as="h2" text={c.name} />
                {c.questions.length ? (
                  <ul className="muted">
                    {c.questions.map((q, i) => (
                      <UserText as="li" key={i} text={q} />
                    ))}
                  </ul>
                ) : null}
                <p className="muted">{t("live.people", { count: c.count })}</p>
                <button
                  type="button"
                  disabled={c.full}
                  onClick={() =>
                    void request("round:choose", { eventId: event.id, roomId: c.id }).then((a) =>
                      a.ok ? setState(a.data) : setNotice(a.error.message),
                    )
                  }
                >
                  {c.full ? t("live.full") : ti("live.join", { name: c.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h1 ref={heading} tabIndex={-1}>
            {t("live.plenary")}
          </h1>
          <p>{state.round ? t("live.waitingRoom") : t("live.plenaryBody")}</p>
        </>
      )}
      {messages.length ? (
        <section aria-labelledby="messages-heading">
          <h2 id="messages-heading">{t("live.messages")}</h2>
          <ul aria-live="polite" data-testid="round-messages">
            {messages.map((m) => (
              <UserText as="li" key={m.id} text={m.message} />
            ))}
          </ul>
        </section>
      ) : (
        <div aria-live="polite" data-testid="round-messages" />
      )}
    </section>
  );
}

function RoomView({
  state,
  offset,
  people,
  headingRef,
  eventId,
  slug,
}: {
  state: LiveState;
  offset: number;
  people: Presence["people"];
  headingRef: React.RefObject<HTMLHeadingElement>;
  eventId: string;
  slug: string;
}) {
  const { t } = useTranslation();
  const [helpSent, setHelpSent] = useState(false);
  const room = state.room!;
  return (
    <div className="room-view">
      <p className="eyebrow">
        <UserText text={state.round!.title} /> · {t("live.yourRoom")}
      </p>
      <h1 ref={headingRef} tabIndex={-1} data-testid="room-name" dir="auto">
        {room.name}
      </h1>
      {room.role !== "participant" ? <p className="badge">{t(`live.role.${room.role}`)}</p> : null}
      {state.round!.endsAt ? <Countdown endsAt={state.round!.endsAt} offsetMs={offset} /> : null}
      <GuidingQuestions questions={room.questions} />
      <p className="actions">
        {room.boardId ? (
          <Link to={`/events/${slug}/boards/${room.boardId}`} className="button">
            {t("board.open")}
          </Link>
        ) : null}
        {room.meetingUrl ? (
          <a href={room.meetingUrl} rel="noopener noreferrer" target="_blank" className="button secondary">
            {t("live.meeting")}
          </a>
        ) : null}
      </p>
      <section aria-labelledby="present-heading">
        <h2 id="present-heading">{t("live.present", { count: people.length })}</h2>
        <ul className="presence" data-testid="presence">
          {people.map((p) => (
            <li key={p.userId}>
              <bdi>{p.name}</bdi>
            </li>
          ))}
        </ul>
      </section>
      <form
        className="help"
        onSubmit={(e) => {
          e.preventDefault();
          const message = String(new FormData(e.currentTarget).get("message") ?? "");
          void request("round:help", { eventId, message }).then((a) => setHelpSent(a.ok));
        }}
      >
        <label htmlFor="help-message">{t("live.helpMessage")}</label>
        <input id="help-message" name="message" maxLength={300} />
        <button type="submit" className="secondary">
          {t("live.help")}
        </button>
        {helpSent ? <p role="status">{t("live.helpSent")}</p> : null}
      </form>
    </div>
  );
}
