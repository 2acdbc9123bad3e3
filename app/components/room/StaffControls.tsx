import { useState } from "react";
import { formatList } from "~/utils/format";
import { useTranslation } from "react-i18next";
import type { Operation } from "../../../server/core/boards/ops";
import { categoryName } from "~/i18n";
import { PhaseControl } from "./PhaseControl";

type Send = (op: Operation) => void;

/**
 * What a facilitator runs the board with: phase, lock, timer, a new cluster, and on the synthesis
 * board the gathering of rooms' notes. A cluster's own actions are in its header on the board.
 */
export function StaffControls({
  phase,
  locked,
  categories,
  send,
  synthesis,
  gather,
}: {
  phase: string;
  locked: boolean;
  categories: string[];
  send: Send;
  synthesis: boolean;
  gather: string[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <details className="card staff-controls" open>
      <summary>{t("board.facilitation")}</summary>
      {synthesis ? <GatherControls categories={categories} gather={gather} send={send} /> : null}
      <div className="inline-form">
        <PhaseControl phase={phase} onChange={(p) => send({ type: "board.phase", phase: p })} />
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
      <p className="hint">{t("room.cluster.hint")}</p>
    </details>
  );
}

/** Synthesis board: gather every room's notes of a category now, and optionally keep gathering as rooms post. */
function GatherControls({ categories, gather, send }: { categories: string[]; gather: string[]; send: Send }) {
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
