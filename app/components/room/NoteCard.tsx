import { useDraggable } from "@dnd-kit/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Operation } from "../../../server/core/boards/ops";
import { MAX_NOTE, REACTIONS } from "../../../server/core/boards/constants";
import type { ClientNote } from "~/realtime/board-state";
import { UserText } from "~/components/UserText";
import { authorName } from "~/i18n/stored-names";
import { Icon, REACTION_ICONS } from "./Icon";
import { ConfirmedChoice, MenuItem, NoteMenu } from "./NoteMenu";

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
  /** Called when this person moves the note, so the board can keep focus on it where it lands. */
  onMoved: (noteId: string, clusterId: string | null, via: "menu" | "drag") => void;
};

const newId = () => crypto.randomUUID();

/**
 * One note as a card: its text, the author's stakeholder group, votes and one menu. Everything
 * else (reactions, edit, delete, comments, hide, move) is in the menu; the drag handle shows on
 * hover and focus. In the vote phase the dots are part of "votes" and stay on the card.
 */
export function NoteCard({ note, mine, staff, canWrite, phase, myDots, dotsLeft, clusters, send, onMoved }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [commenting, setCommenting] = useState(false);
  const drag = useDraggable({
    id: note.id,
    disabled: !staff || note.pending,
    data: { kind: "note" },
    attributes: { roleDescription: t("dnd.role.note") },
  });
  const style = drag.transform
    ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` }
    : undefined;
  const open = canWrite && phase !== "closed" && !note.pending;
  const short = note.text.length > 40 ? `${note.text.slice(0, 40)}…` : note.text;
  const reactions = Object.entries(note.reactions).filter(([, n]) => n > 0);
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
          <textarea
            id={`edit-${note.id}`}
            name="text"
            defaultValue={note.text}
            maxLength={MAX_NOTE}
            rows={3}
            required
            // The person just asked to edit this note from its menu.
            autoFocus
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              if (e.key === "Escape") setEditing(false);
            }}
          />
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
      <div className="note-foot">
        <p className="note-meta">
          <span className="note-author">
            <UserText text={authorName(t, i18n.language, note.authorLabel)} />
          </span>
          {note.originRoom ? (
            <span>
              {" · "}
              <UserText text={note.originRoom} />
            </span>
          ) : null}
          {note.pending ? <span> · {t("board.sending")}</span> : null}
          {note.hidden ? <span className="badge">{t("board.hidden")}</span> : null}
        </p>
        <span className="votes" data-testid="votes">
          {t("board.votes", { count: note.votes })}
        </span>
        {reactions.length || note.comments.length ? (
          <span className="note-counts">
            {reactions.map(([emoji, n]) => {
              const r = REACTION_ICONS[emoji];
              return (
                <span key={emoji} className="count" title={r ? t(`room.reactions.${r.key}`) : emoji}>
                  {r ? <Icon name={r.icon} size={14} /> : null}
                  <span className="visually-hidden">{r ? t(`room.reactions.${r.key}`) : emoji}: </span>
                  {n}
                </span>
              );
            })}
            {note.comments.length ? (
              <span className="count">
                <Icon name="comment" size={14} />
                <span className="visually-hidden">{t("room.card.comments", { count: note.comments.length })}</span>
                <span aria-hidden="true">{note.comments.length}</span>
              </span>
            ) : null}
          </span>
        ) : null}
        <span className="note-tools">
          {staff && open ? (
            <button
              type="button"
              className="icon-button drag-handle"
              {...drag.listeners}
              {...drag.attributes}
              aria-label={t("room.card.drag", { note: short })}
            >
              <Icon name="grip" />
            </button>
          ) : null}
          <NoteMenu
            label={t("room.card.menu", { note: short })}
            icon={<Icon name="more" />}
            buttonClassName="note-menu-button"
          >
            {(close) => (
              <>
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
                {open ? (
                  <div className="reaction-row" role="group" aria-label={t("room.card.react")}>
                    {REACTIONS.slice(0, 3).map((emoji) => {
                      const r = REACTION_ICONS[emoji]!;
                      return (
                        <button
                          key={emoji}
                          type="button"
                          className="icon-button"
                          onClick={() => send({ type: "note.react", noteId: note.id, emoji, on: true })}
                          aria-label={`${t(`room.reactions.${r.key}`)}: ${short}`}
                        >
                          <Icon name={r.icon} />
                        </button>
                      );
                    })}
                  </div>
                ) : null}
                {open && (mine || staff) ? (
                  <MenuItem
                    icon={<Icon name="edit" />}
                    onClick={() => {
                      setEditing(true);
                      close();
                    }}
                  >
                    {t("board.edit")}
                  </MenuItem>
                ) : null}
                {open ? (
                  <MenuItem icon={<Icon name="comment" />} onClick={() => setCommenting((v) => !v)}>
                    {t("board.comment")}
                  </MenuItem>
                ) : null}
                {open && commenting ? (
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
                {open && staff ? (
                  <MenuItem
                    icon={<Icon name={note.hidden ? "eye" : "eyeOff"} />}
                    onClick={() => send({ type: "note.hide", noteId: note.id, hidden: !note.hidden })}
                  >
                    {note.hidden ? t("board.show") : t("board.hide")}
                  </MenuItem>
                ) : null}
                {open && staff ? (
                  <ConfirmedChoice
                    id={`cl-${note.id}`}
                    label={t("board.moveTo")}
                    value={note.clusterId ?? ""}
                    options={[
                      { value: "", label: t("board.noCluster") },
                      ...clusters.map((c) => ({ value: c.id, label: c.label })),
                    ]}
                    confirmLabel={t("room.card.move")}
                    onConfirm={(clusterId) => {
                      send({ type: "note.move", noteId: note.id, clusterId: clusterId || null });
                      onMoved(note.id, clusterId || null, "menu");
                    }}
                  />
                ) : null}
                {open && (mine || staff) ? (
                  <MenuItem
                    icon={<Icon name="trash" />}
                    danger
                    onClick={() => {
                      send({ type: "note.delete", noteId: note.id });
                      close();
                    }}
                  >
                    {t("board.delete")}
                  </MenuItem>
                ) : null}
                {!open && !note.comments.length ? <p className="muted">{t("room.card.nothing")}</p> : null}
              </>
            )}
          </NoteMenu>
        </span>
      </div>
      {phase === "vote" && open ? (
        <p className="dots">
          <button
            type="button"
            className="icon-button"
            disabled={myDots === 0}
            onClick={() => send({ type: "vote.set", noteId: note.id, dots: myDots - 1 })}
            aria-label={`${t("board.removeDot")}: ${short}`}
          >
            <Icon name="minus" />
          </button>
          <span>{t("board.myDots", { count: myDots })}</span>
          <button
            type="button"
            className="icon-button"
            disabled={dotsLeft === 0}
            onClick={() => send({ type: "vote.set", noteId: note.id, dots: myDots + 1 })}
            aria-label={`${t("board.addDot")}: ${short}`}
          >
            <Icon name="plus" />
          </button>
        </p>
      ) : null}
    </article>
  );
}
