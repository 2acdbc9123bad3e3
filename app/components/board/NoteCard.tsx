import { useDraggable } from "@dnd-kit/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Operation } from "../../../server/core/boards/ops";
import { REACTIONS } from "../../../server/core/boards/constants";
import type { ClientNote } from "~/realtime/board-state";
import { UserText } from "~/components/UserText";
import { authorName } from "~/i18n/stored-names";

type Props = {
  note: ClientNote;
  mine: boolean;
  staff: boolean;
  canWrite: boolean;
  phase: string;
  myDots: number;
  dotsLeft: number;
  clusters: { id: string; label: string }[];
  send: (op: Operation) => void;
  /** Moves the note into a cluster (null: none); the board keeps focus on it once it is drawn there. */
  onMove: (clusterId: string | null) => void;
};

const newId = () => crypto.randomUUID();

/** One note: its text (always as text), author label, votes, reactions, comments, and the actions this person may take. */
export function NoteCard({ note, mine, staff, canWrite, phase, myDots, dotsLeft, clusters, send, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [commenting, setCommenting] = useState(false);
  const drag = useDraggable({
    id: note.id,
    disabled: !staff || note.pending,
    attributes: { roleDescription: t("dragNotes.note") },
  });
  const style = drag.transform
    ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` }
    : undefined;
  const open = canWrite && phase !== "closed";
  const short = note.text.slice(0, 40);
  return (
    <article
      ref={drag.setNodeRef}
      style={style}
      className={`note ${note.pending ? "pending" : ""} ${note.hidden ? "is-hidden" : ""} ${drag.isDragging ? "dragging" : ""}`}
      data-testid="note"
      data-note-id={note.id}
    >
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const text = String(new FormData(e.currentTarget).get("text") ?? "");
            send({ type: "note.update", noteId: note.id, text, version: note.version });
            setEditing(false);
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${note.id}`}>
            {t("board.edit")}
          </label>
          <textarea id={`edit-${note.id}`} name="text" defaultValue={note.text} maxLength={500} rows={3} required />
          <div className="row-actions">
            <button type="submit" className="small">
              {t("board.save")}
            </button>
            <button type="button" className="small secondary" onClick={() => setEditing(false)}>
              {t("board.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <UserText as="p" className="note-text" text={note.text} />
      )}
      <p className="note-meta">
        <UserText text={authorName(t, i18n.language, note.authorLabel)} />
        {note.originRoom ? (
          <span>
            {" · "}
            <UserText text={note.originRoom} />
          </span>
        ) : null}
        {note.pending ? <span> · {t("board.sending")}</span> : null}
        {note.hidden ? <span className="badge">{t("board.hidden")}</span> : null}
      </p>
      <div className="note-actions">
        <span className="votes" data-testid="votes">
          {t("board.votes", { count: note.votes })}
        </span>
        {phase === "vote" && open && !note.pending ? (
          <span className="dots">
            <button
              type="button"
              className="small secondary"
              disabled={myDots === 0}
              onClick={() => send({ type: "vote.set", noteId: note.id, dots: myDots - 1 })}
              aria-label={`${t("board.removeDot")}: ${short}`}
            >
              −
            </button>
            <span>{t("board.myDots", { count: myDots })}</span>
            <button
              type="button"
              className="small"
              disabled={dotsLeft === 0}
              onClick={() => send({ type: "vote.set", noteId: note.id, dots: myDots + 1 })}
              aria-label={`${t("board.addDot")}: ${short}`}
            >
              +
            </button>
          </span>
        ) : null}
        {open && !note.pending
          ? REACTIONS.slice(0, 3).map((emoji) => (
              <button
                key={emoji}
                type="button"
                className="small reaction"
                onClick={() => send({ type: "note.react", noteId: note.id, emoji, on: true })}
                aria-label={`${t("board.react", { emoji })}: ${short}`}
              >
                {emoji} {note.reactions[emoji] ?? ""}
              </button>
            ))
          : null}
      </div>
      {note.comments.length ? (
        <ul className="comments">
          {note.comments.map((c) => (
            <li key={c.id}>
              <UserText text={c.text} />{" "}
              <span className="muted">
                — <UserText text={authorName(t, i18n.language, c.authorLabel)} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {open && !note.pending ? (
        <div className="row-actions">
          {mine || staff ? (
            <button
              type="button"
              className="small secondary"
              onClick={() => setEditing(true)}
              aria-label={`${t("board.edit")}: ${short}`}
            >
              {t("board.edit")}
            </button>
          ) : null}
          {mine || staff ? (
            <button
              type="button"
              className="small secondary"
              onClick={() => send({ type: "note.delete", noteId: note.id })}
              aria-label={`${t("board.delete")}: ${short}`}
            >
              {t("board.delete")}
            </button>
          ) : null}
          <button
            type="button"
            className="small secondary"
            onClick={() => setCommenting((v) => !v)}
            aria-label={`${t("board.comment")}: ${short}`}
          >
            {t("board.comment")}
          </button>
          {staff ? (
            <button
              type="button"
              className="small secondary"
              onClick={() => send({ type: "note.hide", noteId: note.id, hidden: !note.hidden })}
            >
              {note.hidden ? t("board.show") : t("board.hide")}
            </button>
          ) : null}
          {staff ? (
            <>
              <label className="visually-hidden" htmlFor={`cl-${note.id}`}>{`${t("board.moveTo")}: ${short}`}</label>
              <select
                id={`cl-${note.id}`}
                className="note-cluster"
                value={note.clusterId ?? ""}
                onChange={(e) => onMove(e.target.value || null)}
              >
                <option value="">{t("board.noCluster")}</option>
                {clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="small secondary drag-handle"
                {...drag.listeners}
                {...drag.attributes}
                aria-label={`${t("board.moveTo")}: ${short}`}
              >
                ⠿
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {commenting ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const text = String(new FormData(e.currentTarget).get("comment") ?? "").trim();
            if (text) send({ type: "note.comment", noteId: note.id, commentId: newId(), text });
            setCommenting(false);
          }}
        >
          <label className="visually-hidden" htmlFor={`c-${note.id}`}>
            {t("board.commentLabel")}
          </label>
          <input id={`c-${note.id}`} name="comment" maxLength={200} />
          <button type="submit" className="small">
            {t("board.comment")}
          </button>
        </form>
      ) : null}
    </article>
  );
}
