import { useDraggable } from "@dnd-kit/core";
import { UserText } from "~/components/UserText";
import { Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Operation } from "../../../server/core/boards/ops";
import type { ClientNote } from "~/realtime/board-state";
import { Icon } from "./Icon";
import { ConfirmedChoice, MenuItem, NoteMenu } from "./NoteMenu";

type Cluster = { id: string; label: string; category: string | null };

/**
 * A cluster's header, where its actions are: rename in place, merge (by dropping the header on
 * another cluster, or from the menu), split, make an action item, delete. `place` makes the drag
 * id unique, since a cluster of no category shows in every column.
 */
export function ClusterHeader({
  cluster,
  place,
  count,
  notes,
  clusters,
  staff,
  slug,
  send,
}: {
  cluster: Cluster;
  place: string;
  count: number;
  notes: ClientNote[];
  clusters: Cluster[];
  staff: boolean;
  slug: string;
  send: (op: Operation) => void;
}) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [splitting, setSplitting] = useState(false);
  const drag = useDraggable({
    id: `cluster:${cluster.id}@${place}`,
    disabled: !staff,
    data: { kind: "cluster" },
    attributes: { roleDescription: t("dnd.role.cluster") },
  });
  const headingId = `cl-h-${cluster.id}-${place}`;
  if (!staff)
    return (
      <h3 className="cluster-label" id={headingId}>
        <UserText text={cluster.label} /> <span className="muted">({count})</span>
      </h3>
    );
  return (
    <div className={`cluster-head ${drag.isDragging ? "dragging" : ""}`} ref={drag.setNodeRef}>
      {renaming ? (
        <form
          className="inline-form rename"
          onSubmit={(e) => {
            e.preventDefault();
            const label = String(new FormData(e.currentTarget).get("label") ?? "").trim();
            if (label && label !== cluster.label) send({ type: "cluster.rename", clusterId: cluster.id, label });
            setRenaming(false);
          }}
        >
          <label className="visually-hidden" htmlFor={`rn-${cluster.id}-${place}`}>
            {t("board.clusterLabel")}
          </label>
          <input
            id={`rn-${cluster.id}-${place}`}
            name="label"
            defaultValue={cluster.label}
            maxLength={120}
            // The person just chose to rename this cluster.
            autoFocus
            onKeyDown={(e) => e.key === "Escape" && setRenaming(false)}
          />
          <button type="submit" className="icon-button" aria-label={t("board.save")}>
            <Icon name="check" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t("board.cancel")}
            onClick={() => setRenaming(false)}
          >
            <Icon name="close" />
          </button>
        </form>
      ) : (
        <h3 className="cluster-label" id={headingId}>
          <UserText text={cluster.label} /> <span className="muted">({count})</span>
        </h3>
      )}
      <span className="cluster-tools">
        <button
          type="button"
          className="icon-button drag-handle"
          {...drag.listeners}
          {...drag.attributes}
          aria-label={t("room.cluster.drag", { label: cluster.label })}
        >
          <Icon name="grip" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t("room.cluster.rename", { label: cluster.label })}
          onClick={() => setRenaming(true)}
        >
          <Icon name="edit" />
        </button>
        <NoteMenu label={t("room.cluster.menu", { label: cluster.label })} icon={<Icon name="more" />}>
          {(close) => (
            <>
              {clusters.length > 1 ? (
                <ConfirmedChoice
                  id={`mg-${cluster.id}-${place}`}
                  label={t("board.mergeInto")}
                  value=""
                  options={[
                    { value: "", label: "—" },
                    ...clusters.filter((o) => o.id !== cluster.id).map((o) => ({ value: o.id, label: o.label })),
                  ]}
                  confirmLabel={t("board.merge")}
                  onConfirm={(into) => {
                    if (into) send({ type: "cluster.merge", clusterId: into, fromClusterId: cluster.id });
                  }}
                />
              ) : null}
              {notes.length >= 2 ? (
                <MenuItem icon={<Icon name="split" />} onClick={() => setSplitting((v) => !v)} pressed={splitting}>
                  {t("board.split")}
                </MenuItem>
              ) : null}
              {splitting ? (
                <form
                  className="stack"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const f = new FormData(e.currentTarget);
                    const noteIds = f.getAll("noteIds").map(String);
                    const label = String(f.get("label") ?? "").trim();
                    if (label && noteIds.length) {
                      send({
                        type: "cluster.create",
                        clusterId: crypto.randomUUID(),
                        label,
                        category: cluster.category,
                        noteIds,
                      });
                      close();
                    }
                  }}
                >
                  <fieldset className="choices">
                    <legend>{t("board.splitNotes")}</legend>
                    {notes.map((n) => (
                      <div key={n.id} className="choice">
                        <input type="checkbox" id={`sp-${cluster.id}-${place}-${n.id}`} name="noteIds" value={n.id} />
                        <label htmlFor={`sp-${cluster.id}-${place}-${n.id}`} dir="auto">
                          {n.text.slice(0, 80)}
                        </label>
                      </div>
                    ))}
                  </fieldset>
                  <label htmlFor={`sp-label-${cluster.id}-${place}`}>{t("board.clusterLabel")}</label>
                  <input id={`sp-label-${cluster.id}-${place}`} name="label" maxLength={120} />
                  <button type="submit" className="small">
                    {t("board.split")}
                  </button>
                </form>
              ) : null}
              <Link className="menu-item" to={`/events/${slug}/actions?cluster=${cluster.id}`}>
                <Icon name="flag" />
                <span>{t("actions.makeAction")}</span>
              </Link>
              <MenuItem
                icon={<Icon name="trash" />}
                danger
                onClick={() => {
                  send({ type: "cluster.delete", clusterId: cluster.id });
                  close();
                }}
              >
                {t("board.deleteCluster")}
              </MenuItem>
            </>
          )}
        </NoteMenu>
      </span>
    </div>
  );
}
