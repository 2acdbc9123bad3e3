import { AccessibleDndContext } from "~/components/DndAnnouncer";
import { authorName } from "~/i18n/stored-names";
import {
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDroppable,
  useSensor,
  useSensors,
  closestCenter,
  pointerWithin,
  type CollisionDetection,
  type DragEndEvent,
} from "@dnd-kit/core";
import { Link, useRevalidator } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { categoryName, translateMessage } from "~/i18n";
import { Suggestions } from "~/components/board/Suggestions";
import { Countdown } from "~/components/Countdown";
import type { ClientNote } from "~/realtime/board-state";
import { useBoard } from "~/realtime/use-board";
import { useConnection } from "~/realtime/use-connection";
import { ClusterHeader } from "./ClusterHeader";
import { Composer } from "./Composer";
import { NoteCard } from "./NoteCard";
import { StaffControls } from "./StaffControls";
import { Icon } from "./Icon";
import { SuggestedGroupCard } from "./SuggestedGroupCard";
import { useSuggestionPreview } from "./suggestion-preview";
import { boardAnnouncements, dropOutcome } from "./board-drag";

type Snapshot = Parameters<typeof useBoard>[0] & {
  serverNow: string;
  board: {
    id: string;
    title: string;
    kind: string;
    categories: string[];
    dotBudget: number;
  };
  event: { slug: string; chathamHouse: boolean };
  viewer: { staff: boolean; canWrite: boolean };
};

const newId = () => crypto.randomUUID();

/**
 * Where a dragged note or cluster lands: under the pointer (mouse, touch), else, for the keyboard,
 * which has no pointer, the group whose centre is nearest (a small empty cluster would otherwise
 * lose to the large "not clustered" area the note starts from).
 */
const landing: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length ? under : closestCenter(args);
};

/**
 * A live board: its status, the facilitator's controls, and the notes in columns by category,
 * grouped in clusters. Shown on its own page and inside the room page, the same component.
 */
export function BoardView({ snapshot, canSummarise }: { snapshot: Snapshot; canSummarise: boolean }) {
  const { t, i18n } = useTranslation();
  const { revalidate } = useRevalidator();
  const b = useBoard(snapshot, revalidate);
  const connection = useConnection();
  const { board, viewer, event } = snapshot;
  const [filter, setFilter] = useState({ q: "", cluster: "", byVotes: false, category: "", authorType: "" });
  // dnd-kit's own sensors: mouse (after a few pixels), touch (after a short press, so scrolling still works), keyboard.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );
  const clusters = Object.values(b.state.clusters).sort((x, y) => x.position - y.position);
  const used = Object.values(b.myVotes).reduce((s, v) => s + v, 0);
  const offset = Date.parse(snapshot.serverNow) - Date.now();
  const canWrite = viewer.canWrite && b.state.phase !== "closed" && (!b.state.locked || viewer.staff);
  const suggestions = useSuggestionPreview(b.send, b.state.notes);
  const previewed = new Set(suggestions.pending.flatMap((g) => g.noteIds));

  // A moved note lands in another group and is drawn anew there: focus follows it (issue 23, defect 6).
  const [follow, setFollow] = useState<{ noteId: string; clusterId: string | null; via: "menu" | "drag" } | null>(null);
  useEffect(() => {
    if (!follow) return;
    const note = b.state.notes[follow.noteId];
    if (!note || (note.clusterId ?? null) !== follow.clusterId) return;
    const selector = `[data-note-id="${follow.noteId}"] ${follow.via === "drag" ? ".drag-handle" : ".note-menu-button"}`;
    // Effects run once the note is drawn in its new place, so its control is there to take focus.
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) return;
    target.focus();
    setFollow(null);
  }, [follow, b.state.notes]);

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

  // What a screen reader hears while dragging: the note's words and the cluster's name, never ids.
  const announcements = boardAnnouncements(t, b.state);

  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over) return;
    const outcome = dropOutcome(String(e.active.id), String(e.over.id), b.state);
    if (outcome.kind === "merge")
      b.send({ type: "cluster.merge", clusterId: outcome.clusterId, fromClusterId: outcome.fromClusterId });
    if (outcome.kind === "move") {
      b.send({ type: "note.move", noteId: outcome.noteId, clusterId: outcome.clusterId });
      setFollow({ noteId: outcome.noteId, clusterId: outcome.clusterId, via: "drag" });
    }
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
      onMoved={(noteId, clusterId, via) => setFollow({ noteId, clusterId, via })}
    />
  );

  return (
    <div className="board-view" data-testid="board" data-seq={b.state.seq}>
      <div className="board-status">
        <span data-testid="phase" className="phase-chip">
          {t("board.phaseNow", { phase: t(`board.phases.${b.state.phase}`) })}
        </span>
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
        <Link to={`/events/${event.slug}/boards/${board.id}/present`} className="with-icon" data-testid="present-link">
          <Icon name="screen" />
          <span>{t("room.present.open")}</span>
        </Link>
      </div>
      {event.chathamHouse ? <p className="notice">{t("board.chathamHouse")}</p> : null}
      {!viewer.canWrite ? <p className="notice">{t("board.readOnly")}</p> : null}
      {b.slowDown ? <p role="alert">{t("board.slowDown", { seconds: Math.ceil(b.slowDown / 1000) })}</p> : null}
      <div aria-live="polite" className="board-messages">
        {b.rejections.map((r) => (
          <p key={r.opId} className="form-error">
            {t("board.rejected", { message: translateMessage(i18n, r.message) })}
          </p>
        ))}
        {b.notices.map((n, i) => (
          <p key={i} className="notice">
            {translateMessage(i18n, n)}
          </p>
        ))}
      </div>
      <NewNotesAnnouncer count={Object.keys(b.state.notes).length} />

      {viewer.staff ? (
        <StaffControls
          phase={b.state.phase}
          locked={b.state.locked}
          categories={board.categories}
          send={b.send}
          synthesis={board.kind === "synthesis"}
          gather={b.state.gather ?? []}
        />
      ) : null}
      {viewer.staff ? (
        <Suggestions
          path={`/events/${event.slug}/boards/${board.id}/suggestions`}
          categories={board.categories}
          notes={b.state.notes}
          clusters={b.state.clusters}
          send={b.send}
          preview={suggestions}
        />
      ) : null}

      <Filters
        filter={filter}
        setFilter={setFilter}
        clusters={clusters}
        categories={board.categories}
        notes={Object.values(b.state.notes)}
        dots={b.state.phase === "vote" ? { left: board.dotBudget - used, budget: board.dotBudget } : null}
      />

      <AccessibleDndContext
        id="board-dnd"
        sensors={sensors}
        collisionDetection={landing}
        onDragEnd={onDragEnd}
        instructions={t("dnd.board.instructions")}
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
                  className={`column category-${category}`}
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
                      <DropZone key={c.id} id={`${c.id}@${category}`} testId="cluster">
                        <ClusterHeader
                          cluster={c}
                          place={category}
                          count={notes.length}
                          notes={notes}
                          clusters={clusters}
                          staff={viewer.staff}
                          slug={event.slug}
                          send={b.send}
                        />
                        {notes.map(card)}
                      </DropZone>
                    );
                  })}
                  {suggestions.preview?.category === category
                    ? suggestions.pending.map((g) => (
                        <SuggestedGroupCard
                          key={g.key}
                          group={g}
                          onRename={(label) => suggestions.rename(g.key, label)}
                          onAccept={() => suggestions.accept(g)}
                          onDismiss={() => suggestions.dismiss(g.key)}
                        >
                          {g.noteIds
                            .map((id) => b.state.notes[id])
                            .filter((n): n is ClientNote => !!n)
                            .map(card)}
                        </SuggestedGroupCard>
                      ))
                    : null}
                  <DropZone id={`none:${category}`}>
                    {clusters.length ? <h3 className="cluster-label muted">{t("board.unclustered")}</h3> : null}
                    {inCat
                      .filter((n) => (!n.clusterId || !b.state.clusters[n.clusterId]) && !previewed.has(n.id))
                      .map(card)}
                  </DropZone>
                </section>
              );
            })}
        </div>
      </AccessibleDndContext>
    </div>
  );
}

function DropZone({ id, children, testId }: { id: string; children: ReactNode; testId?: string }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div ref={setNodeRef} className={`cluster ${isOver ? "drop-over" : ""}`} data-testid={testId}>
      {children}
    </div>
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

type Filter = { q: string; cluster: string; byVotes: boolean; category: string; authorType: string };

function Filters({
  filter,
  setFilter,
  clusters,
  categories,
  notes,
  dots,
}: {
  filter: Filter;
  setFilter: (f: Filter) => void;
  clusters: { id: string; label: string }[];
  categories: string[];
  notes: ClientNote[];
  dots: { left: number; budget: number } | null;
}) {
  const { t, i18n } = useTranslation();
  return (
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
            <option key={c.id} value={c.id}>
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
          {categories.map((c) => (
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
          {[...new Set(notes.map((n) => n.authorCategory).filter(Boolean))].sort().map((c) => (
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
      {dots ? <p>{t("board.dotsLeft", { count: dots.left, budget: dots.budget })}</p> : null}
    </form>
  );
}
