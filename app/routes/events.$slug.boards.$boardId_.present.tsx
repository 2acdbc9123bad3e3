import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import roomStyles from "~/styles/room.css";
import { json } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { renderSVG } from "uqr";
import { Countdown } from "~/components/Countdown";
import { GuidingQuestions } from "~/components/GuidingQuestions";
import { categoryName } from "~/i18n";
import { useBoard } from "~/realtime/use-board";
import { boardPage } from "~/utils/board-page.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: roomStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.place.title} · Plenary` : "Plenary" },
];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { snapshot, place } = await boardPage(context, request, params);
  // Where people join: the event's live page, which takes each person to their own room.
  const joinUrl = new URL(`/events/${snapshot.event.slug}/live`, context.publicUrl).href;
  const showJoin = new URL(request.url).searchParams.get("join") !== "0";
  const qr = showJoin
    ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(joinUrl, { ecc: "M", border: 2 }))}`
    : null;
  return json({ snapshot, place, joinUrl: showJoin ? joinUrl : null, qr });
}

/**
 * A board for the shared screen or a projector: large type, live, the phase and the timers, the
 * way to join, and nothing to click. What participants could not see yet (notes still being
 * written, notes a facilitator hid) is not shown to the room either.
 */
export default function Present() {
  const { snapshot, place, joinUrl, qr } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { revalidate } = useRevalidator();
  const b = useBoard(snapshot, revalidate);
  const offset = Date.parse(snapshot.serverNow) - Date.now();
  const writing = b.state.phase === "write";
  const notes = Object.values(b.state.notes).filter((n) => !n.hidden && !n.pending);
  const clusters = Object.values(b.state.clusters).sort((x, y) => x.position - y.position);
  const endsAt = b.state.timerEndsAt ?? ("roundEndsAt" in place ? place.roundEndsAt : null);
  return (
    <section className="presenter" data-testid="presenter" data-seq={b.state.seq}>
      <header className="presenter-head">
        <div>
          <p className="eyebrow">
            {place.eventTitle}
            {place.roundTitle ? ` · ${place.roundTitle}` : null}
          </p>
          <h1>{place.title}</h1>
        </div>
        <div className="presenter-status">
          <p data-testid="presenter-phase" className="phase-chip">
            {t("board.phaseNow", { phase: t(`board.phases.${b.state.phase}`) })}
          </p>
          {endsAt ? <Countdown endsAt={endsAt} offsetMs={offset} /> : null}
        </div>
        {qr && joinUrl ? (
          <figure className="presenter-join">
            <img src={qr} alt={t("room.present.qrAlt")} width={160} height={160} data-testid="presenter-qr" />
            <figcaption>
              {t("room.present.join")} <span dir="ltr">{joinUrl}</span>
            </figcaption>
          </figure>
        ) : null}
      </header>
      <GuidingQuestions questions={place.questions} id="presenter-questions" />
      <div className="presenter-columns" aria-live="off">
        {snapshot.board.categories.map((category) => {
          const inCat = notes.filter((n) => n.category === category);
          const loose = inCat.filter((n) => !n.clusterId || !b.state.clusters[n.clusterId]);
          return (
            <section key={category} className={`column category-${category}`} aria-labelledby={`p-${category}`}>
              <h2 id={`p-${category}`}>
                {categoryName(i18n.language, category)} <span className="muted">({inCat.length})</span>
              </h2>
              {writing ? (
                <p className="presenter-writing">{t("room.present.writing", { count: inCat.length })}</p>
              ) : (
                <>
                  {clusters
                    .filter((c) => !c.category || c.category === category)
                    .map((c) => {
                      const members = inCat.filter((n) => n.clusterId === c.id);
                      if (!members.length) return null;
                      return (
                        <section key={c.id} className="cluster" aria-label={c.label}>
                          <h3 className="cluster-label" dir="auto">
                            {c.label} <span className="muted">({members.length})</span>
                          </h3>
                          <ul className="presenter-notes">
                            {members.map((n) => (
                              <PresentedNote key={n.id} text={n.text} author={n.authorLabel} votes={n.votes} />
                            ))}
                          </ul>
                        </section>
                      );
                    })}
                  {loose.length ? (
                    <ul className="presenter-notes">
                      {loose.map((n) => (
                        <PresentedNote key={n.id} text={n.text} author={n.authorLabel} votes={n.votes} />
                      ))}
                    </ul>
                  ) : null}
                </>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

function PresentedNote({ text, author, votes }: { text: string; author: string; votes: number }) {
  const { t } = useTranslation();
  return (
    <li className="note" data-testid="presented-note">
      <p className="note-text" dir="auto">
        {text}
      </p>
      <p className="note-meta">
        <span>{author}</span>
        {votes ? <span className="votes"> · {t("board.votes", { count: votes })}</span> : null}
      </p>
    </li>
  );
}
