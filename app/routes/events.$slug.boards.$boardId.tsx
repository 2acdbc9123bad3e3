import { KeyboardSensor, PointerSensor, useDroppable, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PHASES } from "../../server/core/boards/constants";
import { NoteCard } from "~/components/board/NoteCard";
import { categoryName, translateServerMessage } from "~/i18n";
import { Suggestions } from "~/components/board/Suggestions";
import { AccessibleDndContext } from "~/components/DndAnnouncer";
import { UserText } from "~/components/UserText";
import { authorName } from "~/i18n/stored-names";
import { formatList, shortText } from "~/utils/format";
import { Countdown } from "~/components/Countdown";
import { GuidingQuestions } from "~/components/GuidingQuestions";
import type { ClientNote } from "~/realtime/board-state";
import { useBoard } from "~/realtime/use-board";
import { useConnection } from "~/realtime/use-connection";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.snapshot.board.title} · Plenary` : "Plenary" },
];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const actor = await actorOf(context);
  const snapshot = await context.core.boards
    .snapshot(actor, params.boardId ?? "", { slug: params.slug ?? "" })
    .catch(asHttpError);
  // Read only once the board let this viewer in: a room's board shows what the room was asked.
  const questions = snapshot.board.roomId ? await context.core.breakouts.questionsOfRoom(snapshot.board.roomId) : [];
  const canSummarise = await context.core.roomSummaries.canWrite(actor, params.boardId ?? "");
  return json({ snapshot, questions, canSummarise });
}

const newId = () => crypto.randomUUID();

export default function BoardPage() {
  const { snapshot, questions, canSummarise } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { revalidate } = useRevalidator();
  const b = useBoard(snapshot, revalidate);
  const connection = useConnection();
  const { board, viewer, event } = snapshot;
  const [filter, setFilter] = useState({ q: "", cluster: "", byVotes: false, category: "", authorType: "" });
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const clusters = Object.values(b.state.clusters).sort((x, y) => x.position - y.position);
  const used = Object.values(b.myVotes).reduce((s, v) => s + v, 0);
  const offset = Date.parse(snapshot.serverNow) - Date.now();
  const canWrite = viewer.canWrite && b.state.phase !== "closed" && (!b.state.locked || viewer.staff);

  const visible = useMemo(() => {
    const q = filter.q.trim().toLowerCase();
    return Object.values(b.state.notes)
      .filter(
        (n) =>
          (!q || n.text.toLowerCase().includes(q)) &&
          (!filter.cluster || (filter.cluster === "none" ? !n.clusterId : n.clusterId === filter.cluster)) &&
          (!filter.authorType || n.authorCategory === filter.authorType),
      )
      .sort((x, y) => (filter.byVotes ? y.votes - x.votes : 0) || x.createdAt.localeCompare(y.createdAt));
  }, [b.state.notes, filter]);

  // A moved note is drawn again in its new cluster: focus follows it there instead of dropping to <body>.
  const [refocus, setRefocus] = useState<{
    noteId: string;
    clusterId: string | null;
    control: "select" | "handle";
  } | null>(null);
  const move = (noteId: string, clusterId: string | null, control: "select" | "handle") => {
    setRefocus({ noteId, clusterId, control });
    b.send({ type: "note.move", noteId, clusterId });
  };
  useEffect(() => {
    if (!refocus) return;
    const note = b.state.notes[refocus.noteId];
    if (!note) return setRefocus(null);
    if ((note.clusterId ?? null) !== refocus.clusterId) return;
    const card = document.querySelector(`[data-note-id="${refocus.noteId}"]`);
    const control = card?.querySelector<HTMLElement>(
      refocus.control === "select" ? "select.note-cluster" : ".drag-handle",
    );
    // Only where focus was lost with the old card: someone who moved on meanwhile keeps their place.
    const active = document.activeElement;
    if (control && (!active || active === document.body || !active.isConnected)) control.focus();
    setRefocus(null);
  }, [refocus, b.state.notes]);
  // A refused move never lands: nothing to follow (a refusal of anything else leaves it pending).
  useEffect(() => {
    const last = b.rejections.at(-1);
    if (last?.op.type !== "note.move") return;
    const refused = last.op.noteId;
    setRefocus((r) => (r?.noteId === refused ? null : r));
  }, [b.rejections]);

  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over) return;
    const target = String(e.over.id);
    const clusterId = target.startsWith("none:") ? null : target;
    if ((b.state.notes[String(e.active.id)]?.clusterId ?? null) === clusterId) return;
    move(String(e.active.id), clusterId, "handle");
  };

  // What a drag says, in words: the note by its first words, the cluster by its name.
  const noteWords = (id: string | number) => shortText(b.state.notes[String(id)]?.text ?? "");
  const zoneName = (id: string | number | undefined) => {
    const target = String(id ?? "");
    if (target.startsWith("none:"))
      return t("dragNotes.unclustered", { category: categoryName(i18n.language, target.slice(5)) });
    return b.state.clusters[target]?.label ?? "";
  };
  const announcements = {
    onDragStart: ({ active }: { active: { id: string | number } }) =>
      t("dragNotes.picked", { note: noteWords(active.id) }),
    onDragOver: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) =>
      over
        ? t("dragNotes.over", { note: noteWords(active.id), cluster: zoneName(over.id) })
        : t("dragNotes.nowhere", { note: noteWords(active.id) }),
    onDragEnd: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) =>
      over
        ? t("dragNotes.dropped", { note: noteWords(active.id), cluster: zoneName(over.id) })
        : t("dragNotes.cancelled", { note: noteWords(active.id) }),
    onDragCancel: ({ active }: { active: { id: string | number } }) =>
      t("dragNotes.cancelled", { note: noteWords(active.id) }),
  };

  const card = (n: ClientNote) => (
    <NoteCard
      key={n.id}
      note={n}
      mine={b.mine.has(n.id)}
      staff={viewer.staff}
      canWrite={canWrite}
      phase={b.state.phase}
      myDots={b.myVotes[n.id] ?? 0}
      dotsLeft={board.dotBudget - used}
      clusters={clusters}
      send={b.send}
      onMove={(clusterId) => move(n.id, clusterId, "select")}
    />
  );

  return (
    <section className="board-page" data-testid="board" data-seq={b.state.seq}>
      <p className="eyebrow">
        <Link to={`/events/${event.slug}`}>
          <UserText text={event.title} />
        </Link>
        {board.roomName ? (
          <>
            {" · "}
            <UserText text={board.roomName} />
          </>
        ) : null}
      </p>
      <UserText as="h1" text={board.title} />
      <GuidingQuestions questions={questions} id="board-questions" />
      <div className="board-status">
        <span data-testid="phase">{t("board.phaseNow", { phase: t(`board.phases.${b.state.phase}`) })}</span>
        {b.state.locked ? <span className="badge">{t("board.locked")}</span> : null}
        {b.presence.people.length ? (
          <details className="presence-list">
            <summary>{t("board.present", { count: b.presence.count })}</summary>
            <ul data-testid="board-presence">
              {b.presence.people.map((p) => (
                <li key={p.userId}>{p.name}</li>
              ))}
            </ul>
          </details>
        ) : (
          // Under the Chatham House rule participants learn how many are here, not who (docs/decisions).
          <span data-testid="board-presence">{t("board.present", { count: b.presence.count })}</span>
        )}
        <span className={`connection connection-${connection}`} role="status" data-testid="connection">
          {t(`live.connection.${connection}`)}
        </span>
        {b.pending.length ? (
          <span role="status" data-testid="pending">
            {t("board.pendingOps", { count: b.pending.length })}
          </span>
        ) : null}
        {b.state.timerEndsAt ? <Countdown endsAt={b.state.timerEndsAt} offsetMs={offset} /> : null}
        <a href={`/events/${event.slug}/boards/${board.id}.csv`} download>
          {t("downloads.boardCsv")}
        </a>
        <a href={`/events/${event.slug}/boards/${board.id}.md`} download>
          {t("downloads.boardMarkdown")}
        </a>
        {canSummarise ? (
          <Link to={`/events/${event.slug}/boards/${board.id}/summary`}>{t("roomSummary.link")}</Link>
        ) : null}
      </div>
      {event.chathamHouse ? <p className="notice">{t("board.chathamHouse")}</p> : null}
      {!viewer.canWrite ? <p className="notice">{t("board.readOnly")}</p> : null}
      {b.slowDown ? <p role="alert">{t("board.slowDown", { seconds: Math.ceil(b.slowDown / 1000) })}</p> : null}
      <div aria-live="polite" className="board-messages">
        {b.rejections.map((r) => (
          <p key={r.opId} className="form-error">
            {t("board.rejected", { message: translateServerMessage(i18n, r.message) })}
          </p>
        ))}
        {b.notices.map((n, i) => (
          <p key={i} className="notice">
            {translateServerMessage(i18n, n)}
          </p>
        ))}
      </div>
      <NewNotesAnnouncer count={Object.keys(b.state.notes).length} />

      {viewer.staff ? (
        <StaffControls
          slug={event.slug}
          phase={b.state.phase}
          locked={b.state.locked}
          categories={board.categories}
          clusters={clusters}
          send={b.send}
          synthesis={board.kind === "synthesis"}
          gather={b.state.gather ?? []}
          notes={Object.values(b.state.notes)}
        />
      ) : null}
      {viewer.staff ? (
        <Suggestions
          path={`/events/${event.slug}/boards/${board.id}/suggestions`}
          categories={board.categories}
          notes={b.state.notes}
          clusters={b.state.clusters}
          send={b.send}
        />
      ) : null}

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="q">{t("board.search")}</label>
          <input id="q" type="search" value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="cluster-filter">{t("board.clusters")}</label>
          <select
            id="cluster-filter"
            value={filter.cluster}
            onChange={(e) => setFilter({ ...filter, cluster: e.target.value })}
          >
            <option value="">{t("board.allClusters")}</option>
            <option value="none">{t("board.unclustered")}</option>
            {clusters.map((c) => (
              <option key={c.id} value={c.id} dir="auto">
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="category-filter">{t("board.showCategory")}</label>
          <select
            id="category-filter"
            value={filter.category}
            onChange={(e) => setFilter({ ...filter, category: e.target.value })}
          >
            <option value="">{t("board.allCategories")}</option>
            {board.categories.map((c) => (
              <option key={c} value={c}>
                {categoryName(i18n.language, c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="author-filter">{t("board.authorType")}</label>
          <select
            id="author-filter"
            value={filter.authorType}
            onChange={(e) => setFilter({ ...filter, authorType: e.target.value })}
          >
            <option value="">{t("board.allAuthors")}</option>
            {[
              ...new Set(
                Object.values(b.state.notes)
                  .map((n) => n.authorCategory)
                  .filter(Boolean),
              ),
            ]
              .sort()
              .map((c) => (
                <option key={c} value={c}>
                  {authorName(t, i18n.language, c)}
                </option>
              ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            id="by-votes"
            type="checkbox"
            checked={filter.byVotes}
            onChange={(e) => setFilter({ ...filter, byVotes: e.target.checked })}
          />
          <label htmlFor="by-votes">{t("board.sortByVotes")}</label>
        </div>
        {b.state.phase === "vote" ? (
          <p>{t("board.dotsLeft", { count: board.dotBudget - used, budget: board.dotBudget })}</p>
        ) : null}
      </form>

      <AccessibleDndContext
        id="board-dnd"
        sensors={sensors}
        onDragEnd={onDragEnd}
        instructions={t("dragNotes.instructions")}
        announcements={announcements}
      >
        <div className="columns">
          {board.categories
            .filter((c) => !filter.category || c === filter.category)
            .map((category) => {
              const inCat = visible.filter((n) => n.category === category);
              const catClusters = clusters.filter((c) => !c.category || c.category === category);
              return (
                <section
                  key={category}
                  className="column"
                  aria-labelledby={`col-${category}`}
                  data-testid={`column-${category}`}
                >
                  <h2 id={`col-${category}`}>
                    {categoryName(i18n.language, category)} <span className="muted">({inCat.length})</span>
                  </h2>
                  {canWrite ? (
                    <Composer
                      category={category}
                      onAdd={(text) => b.send({ type: "note.create", noteId: newId(), category, text })}
                    />
                  ) : null}
                  {catClusters.map((c) => {
                    const notes = inCat.filter((n) => n.clusterId === c.id);
                    if (!notes.length && !viewer.staff) return null;
                    return (
                      <DropZone key={c.id} id={c.id}>
                        <h3 className="cluster-label">
                          <UserText text={c.label} /> <span className="muted">({notes.length})</span>
                        </h3>
                        {notes.map(card)}
                      </DropZone>
                    );
                  })}
                  <DropZone id={`none:${category}`}>
                    {clusters.length ? <h3 className="cluster-label muted">{t("board.unclustered")}</h3> : null}
                    {inCat.filter((n) => !n.clusterId || !b.state.clusters[n.clusterId]).map(card)}
                  </DropZone>
                </section>
              );
            })}
        </div>
      </AccessibleDndContext>
    </section>
  );
}

function DropZone({ id, children }: { id: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div ref={setNodeRef} className={`cluster ${isOver ? "drop-over" : ""}`}>
      {children}
    </div>
  );
}

function Composer({ category, onAdd }: { category: string; onAdd: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState("");
  const id = `new-${category}`;
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onAdd(text.trim());
        setText("");
      }}
    >
      <label htmlFor={id}>{t("board.newNote", { category: categoryName(i18n.language, category) })}</label>
      <textarea
        id={id}
        value={text}
        maxLength={500}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
        }}
      />
      <button type="submit" className="small">
        {t("board.add")}
      </button>
    </form>
  );
}

/** Tells screen-reader users that notes arrived, at most every few seconds, instead of reading each one. */
function NewNotesAnnouncer({ count }: { count: number }) {
  const { t } = useTranslation();
  const seen = useRef(count);
  const [message, setMessage] = useState("");
  useEffect(() => {
    const id = setTimeout(() => {
      if (count > seen.current) setMessage(t("board.newNotes", { count: count - seen.current }));
      seen.current = count;
    }, 3000);
    return () => clearTimeout(id);
  }, [count, t]);
  return (
    <p className="visually-hidden" aria-live="polite">
      {message}
    </p>
  );
}

/** Split: the chosen notes of a cluster leave it for a new cluster of their own. */
function SplitCluster({
  cluster,
  notes,
  send,
}: {
  cluster: { id: string; label: string; category: string | null };
  notes: ClientNote[];
  send: ReturnType<typeof useBoard>["send"];
}) {
  const { t } = useTranslation();
  if (notes.length < 2) return null;
  return (
    <details className="split">
      <summary>
        {t("board.split")}: <UserText text={cluster.label} />
      </summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const noteIds = f.getAll("noteIds").map(String);
          const label = String(f.get("label") ?? "").trim();
          if (label && noteIds.length)
            send({
              type: "cluster.create",
              clusterId: crypto.randomUUID(),
              label,
              category: cluster.category,
              noteIds,
            });
        }}
      >
        <fieldset className="choices">
          <legend>{t("board.splitNotes")}</legend>
          {notes.map((n) => (
            <div key={n.id} className="choice">
              <input type="checkbox" id={`sp-${cluster.id}-${n.id}`} name="noteIds" value={n.id} />
              <label htmlFor={`sp-${cluster.id}-${n.id}`}>
                <UserText text={n.text.slice(0, 80)} />
              </label>
            </div>
          ))}
        </fieldset>
        <label htmlFor={`sp-label-${cluster.id}`}>{t("board.clusterLabel")}</label>
        <input id={`sp-label-${cluster.id}`} name="label" maxLength={120} />
        <button type="submit" className="small">
          {t("board.split")}
        </button>
      </form>
    </details>
  );
}

function StaffControls({
  slug,
  phase,
  locked,
  categories,
  clusters,
  send,
  synthesis,
  gather,
  notes,
}: {
  slug: string;
  phase: string;
  locked: boolean;
  categories: string[];
  clusters: { id: string; label: string; category: string | null }[];
  send: ReturnType<typeof useBoard>["send"];
  synthesis: boolean;
  gather: string[];
  notes: ClientNote[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <details className="card staff-controls" open>
      <summary>{t("board.facilitation")}</summary>
      {synthesis ? <GatherControls categories={categories} gather={gather} send={send} /> : null}
      <div className="inline-form">
        <div className="field">
          <label htmlFor="phase">{t("board.phase")}</label>
          <select
            id="phase"
            value={phase}
            onChange={(e) => send({ type: "board.phase", phase: e.target.value as (typeof PHASES)[number] })}
          >
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`board.phases.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary" onClick={() => send({ type: "board.lock", locked: !locked })}>
          {locked ? t("board.unlock") : t("board.lock")}
        </button>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            send({ type: "board.timer", minutes: Number(new FormData(e.currentTarget).get("minutes") ?? 0) });
          }}
        >
          <div className="field">
            <label htmlFor="timer">{t("board.timer")}</label>
            <input id="timer" name="minutes" type="number" min={0} max={240} defaultValue={10} />
          </div>
          <button type="submit" className="secondary">
            {t("board.startTimer")}
          </button>
        </form>
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const label = String(f.get("label") ?? "").trim();
          if (label)
            send({
              type: "cluster.create",
              clusterId: crypto.randomUUID(),
              label,
              category: String(f.get("category") ?? "") || null,
            });
          e.currentTarget.reset();
        }}
      >
        <div className="field">
          <label htmlFor="cluster-label">{t("board.clusterLabel")}</label>
          <input id="cluster-label" name="label" maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor="cluster-category">{t("board.clusterCategory")}</label>
          <select id="cluster-category" name="category">
            <option value="">{t("board.anyCategory")}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryName(i18n.language, c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("board.createCluster")}</button>
      </form>
      {clusters.length ? (
        <ul className="plain-list">
          {clusters.map((c) => (
            <li key={c.id} className="inline-form">
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const label = String(new FormData(e.currentTarget).get("label") ?? "").trim();
                  if (label) send({ type: "cluster.rename", clusterId: c.id, label });
                }}
              >
                <label className="visually-hidden" htmlFor={`rn-${c.id}`}>
                  {t("board.clusterLabel")}
                </label>
                <input id={`rn-${c.id}`} name="label" defaultValue={c.label} maxLength={120} />
                <button type="submit" className="small secondary">
                  {t("board.rename")}
                </button>
              </form>
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const into = String(new FormData(e.currentTarget).get("into") ?? "");
                  if (into) send({ type: "cluster.merge", clusterId: into, fromClusterId: c.id });
                }}
              >
                <label
                  className="visually-hidden"
                  htmlFor={`mg-${c.id}`}
                >{`${t("board.mergeInto")}: ${c.label}`}</label>
                <select id={`mg-${c.id}`} name="into" defaultValue="">
                  <option value="">{t("board.mergeInto")}…</option>
                  {clusters
                    .filter((o) => o.id !== c.id)
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.label}
                      </option>
                    ))}
                </select>
                <button type="submit" className="small secondary">
                  {t("board.merge")}
                </button>
              </form>
              <button
                type="button"
                className="small danger"
                onClick={() => send({ type: "cluster.delete", clusterId: c.id })}
                aria-label={`${t("board.deleteCluster")}: ${c.label}`}
              >
                {t("board.deleteCluster")}
              </button>
              <Link className="small" to={`/events/${slug}/actions?cluster=${c.id}`}>
                {t("actions.makeAction")}
              </Link>
              <SplitCluster cluster={c} notes={notes.filter((n) => n.clusterId === c.id)} send={send} />
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

/** Synthesis board: gather every room's notes of a category now, and optionally keep gathering as rooms post. */
function GatherControls({
  categories,
  gather,
  send,
}: {
  categories: string[];
  gather: string[];
  send: ReturnType<typeof useBoard>["send"];
}) {
  const { t, i18n } = useTranslation();
  const [category, setCategory] = useState(categories[0] ?? "");
  return (
    <div className="stack">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: "synthesis.pull", category });
        }}
      >
        <div className="field">
          <label htmlFor="pull-category">{t("board.pullCategory")}</label>
          <select id="pull-category" name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryName(i18n.language, c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("board.pull")}</button>
        <div className="field checkbox">
          <input
            id="keep-gathering"
            type="checkbox"
            checked={gather.includes(category)}
            onChange={(e) => send({ type: "synthesis.follow", category, on: e.target.checked })}
          />
          <label htmlFor="keep-gathering">{t("synthesis.keepGathering")}</label>
        </div>
      </form>
      {gather.length ? (
        <p className="muted" data-testid="gathering">
          {t("synthesis.gathering", {
            categories: formatList(
              gather.map((c) => categoryName(i18n.language, c)),
              i18n.language,
            ),
          })}
        </p>
      ) : null}
    </div>
  );
}
