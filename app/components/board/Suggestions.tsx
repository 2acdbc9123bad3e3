import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { categoryName, translateServerMessage } from "~/i18n";
import type { ClientNote } from "~/realtime/board-state";
import type { useBoard } from "~/realtime/use-board";
import type { loader } from "~/routes/events.$slug.boards.$boardId_.suggestions";

type Send = ReturnType<typeof useBoard>["send"];

/** The facilitator's clustering assistant: suggestions come over HTTP, acceptances go through board operations. */
export function Suggestions({
  path,
  categories,
  notes,
  clusters,
  send,
}: {
  path: string;
  categories: string[];
  notes: Record<string, ClientNote>;
  clusters: Record<string, { label: string }>;
  send: Send;
}) {
  const { t, i18n } = useTranslation();
  const fetcher = useFetcher<typeof loader>();
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [accepted, setAccepted] = useState<Record<string, { clusterId: string; label: string }>>({});
  const data = fetcher.data;
  const busy = fetcher.state !== "idle";
  const textOf = (id: string) => notes[id]?.text ?? "";

  const ask = (form: HTMLFormElement, mode: "clusters" | "place") => {
    const f = new FormData(form);
    setDismissed(new Set());
    setAccepted({});
    fetcher.load(
      `${path}?${new URLSearchParams({
        mode,
        category: String(f.get("category") ?? ""),
        k: String(f.get("k") ?? ""),
        granularity: String(f.get("granularity") ?? ""),
      })}`,
    );
  };

  return (
    <section className="suggestions" aria-labelledby="suggest-title" data-testid="suggestions">
      <h3 id="suggest-title">{t("board.suggest.title")}</h3>
      <p className="muted">{t("board.suggest.intro")}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          ask(e.currentTarget, "clusters");
        }}
      >
        <div className="field">
          <label htmlFor="suggest-category">{t("board.suggest.category")}</label>
          <select id="suggest-category" name="category">
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryName(i18n.language, c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="suggest-k">{t("board.suggest.about")}</label>
          <input id="suggest-k" name="k" type="number" min={1} max={100} />
        </div>
        <div className="field">
          <label htmlFor="suggest-granularity">{t("synthesis.granularity")}</label>
          <select id="suggest-granularity" name="granularity" defaultValue="default">
            {(["more", "default", "fewer"] as const).map((g) => (
              <option key={g} value={g}>
                {t(`synthesis.granularities.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy}>
          {t("board.suggest.run")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={(e) => ask(e.currentTarget.form!, "place")}
        >
          {t("board.suggest.place")}
        </button>
      </form>
      <div aria-live="polite">
        {busy ? <p>{t("board.suggest.working")}</p> : null}
        {data && "message" in data ? (
          <p className="form-error">{translateServerMessage(i18n, String((data as { message: string }).message))}</p>
        ) : null}
        {data && "engine" in data ? (
          <p className="muted" data-testid="suggest-engine" data-engine={data.engine}>
            {t(`synthesis.engine.${data.engine}`, { model: data.model ?? "" })}{" "}
            {t("board.suggest.considered", { count: data.considered })}
          </p>
        ) : null}
        {data && "fallbackCode" in data && data.fallbackCode ? (
          <p className="notice" data-testid="suggest-fallback" title={data.fallback}>
            {t(`synthesis.fallback.${data.fallbackCode}`)}
          </p>
        ) : null}
        {data && "engine" in data && data.engine === "lexical" ? (
          <p className="muted" data-testid="suggest-better">
            {t("synthesis.better")}
          </p>
        ) : null}
      </div>
      {data?.mode === "clusters" ? (
        <>
          {data.clusters.length === 0 ? <p>{t("board.suggest.none")}</p> : null}
          <ol className="suggestion-list">
            {data.clusters.map((c) => {
              const key = c.representativeId;
              if (dismissed.has(key)) return null;
              const done = accepted[key];
              return (
                <li key={key} className="card suggestion" data-testid="suggestion">
                  {done ? (
                    <p>
                      {t("board.suggest.accepted", { label: done.label })}{" "}
                      <button
                        type="button"
                        className="small secondary"
                        onClick={() => {
                          send({ type: "cluster.delete", clusterId: done.clusterId });
                          setAccepted(({ [key]: _, ...rest }) => rest);
                        }}
                      >
                        {t("board.suggest.undo")}
                      </button>
                    </p>
                  ) : (
                    <form
                      className="stack"
                      onSubmit={(e) => {
                        e.preventDefault();
                        const label = String(new FormData(e.currentTarget).get("label") ?? "").trim() || c.label;
                        const clusterId = crypto.randomUUID();
                        send({
                          type: "cluster.create",
                          clusterId,
                          label: label.slice(0, 120),
                          category: data.category,
                          noteIds: c.noteIds,
                        });
                        setAccepted((a) => ({ ...a, [key]: { clusterId, label } }));
                      }}
                    >
                      <label htmlFor={`sg-${key}`}>{t("board.suggest.label")}</label>
                      <input id={`sg-${key}`} name="label" defaultValue={c.label} maxLength={120} />
                      <p className="muted">{t("board.suggest.size", { count: c.size })}</p>
                      <ul>
                        {c.noteIds.map((id) => (
                          <li key={id}>
                            {id === c.representativeId ? (
                              <strong title={t("board.suggest.representative")}>★ {textOf(id)}</strong>
                            ) : (
                              textOf(id)
                            )}
                          </li>
                        ))}
                      </ul>
                      <div className="inline-form">
                        <button type="submit" className="small">
                          {t("board.suggest.accept")}
                        </button>
                        <button
                          type="button"
                          className="small secondary"
                          onClick={() => setDismissed((d) => new Set(d).add(key))}
                        >
                          {t("board.suggest.dismiss")}
                        </button>
                      </div>
                    </form>
                  )}
                </li>
              );
            })}
          </ol>
          {data.unclustered.length ? (
            <p className="muted">{t("board.suggest.leftAlone", { count: data.unclustered.length })}</p>
          ) : null}
        </>
      ) : null}
      {data?.mode === "place" ? (
        data.placements.length === 0 ? (
          <p>{t("board.suggest.noPlacements")}</p>
        ) : (
          <ul className="plain-list" aria-label={t("board.suggest.placementsTitle")}>
            {data.placements
              .filter((p) => !dismissed.has(p.noteId) && notes[p.noteId]?.clusterId !== p.clusterId)
              .map((p) => (
                <li key={p.noteId} className="inline-form" data-testid="placement">
                  <span>
                    {textOf(p.noteId)}{" "}
                    {t("board.suggest.placeInto", {
                      cluster: clusters[p.clusterId]?.label ?? "…",
                      confidence: Math.round(p.confidence * 100),
                    })}
                  </span>
                  <button
                    type="button"
                    className="small"
                    onClick={() => send({ type: "note.move", noteId: p.noteId, clusterId: p.clusterId })}
                  >
                    {t("board.suggest.moveNote")}
                  </button>
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => setDismissed((d) => new Set(d).add(p.noteId))}
                  >
                    {t("board.suggest.dismiss")}
                  </button>
                </li>
              ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
