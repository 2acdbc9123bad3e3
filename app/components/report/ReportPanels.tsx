import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateTime } from "luxon";

type Writer = {
  writer?: "offline" | "model";
  model?: string;
  fallback?: { reason: "timeout" | "unreachable" | "http" | "invalid"; detail: string };
  dropped?: number;
  offlineThemes?: number;
  at?: string;
};

/** Which writer drafted the report, and, when a configured model was not used, why: said plainly, not logged away. */
export function WriterNotice({ writer, timezone }: { writer: Writer; timezone: string }) {
  const { t, i18n } = useTranslation();
  if (!writer.writer) return null;
  const at = writer.at
    ? DateTime.fromISO(writer.at, { zone: timezone }).setLocale(i18n.language).toLocaleString(DateTime.DATETIME_MED)
    : "";
  return (
    <div className="writer-notice" data-testid="writer-notice" data-writer={writer.writer}>
      {writer.fallback ? (
        <p className="notice" role="status" data-testid="writer-fallback" data-reason={writer.fallback.reason}>
          {t(`reportWriting.fallback.${writer.fallback.reason}`, { model: writer.model ?? "" })}
        </p>
      ) : null}
      <p className="muted">
        {writer.writer === "model"
          ? t("reportWriting.writerModel", { model: writer.model ?? "", at })
          : t("reportWriting.writerOffline", { at })}{" "}
        {writer.dropped ? t("reportWriting.dropped", { count: writer.dropped }) : null}{" "}
        {writer.offlineThemes ? t("reportWriting.offlineThemes", { count: writer.offlineThemes }) : null}
      </p>
      <p className="muted">{t("reportWriting.machineNote")}</p>
    </div>
  );
}

type Proposal = {
  id: string;
  title: string;
  description: string;
  suggestedOwner: string;
  sourceLabel: string;
  sourceNoteIds: string[];
};

/** Action items Plenary drafted: the secretariat accepts, edits (owner, due date) or drops each one. */
export function ProposalsPanel({
  proposals,
  sources,
}: {
  proposals: Proposal[];
  sources: Record<string, { text: string; room: string | null }>;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  if (!proposals.length) return null;
  return (
    <section className="card" aria-labelledby="proposals-heading" data-testid="proposals">
      <h2 id="proposals-heading">{t("reportWriting.proposalsTitle")}</h2>
      <p className="muted">{t("reportWriting.proposalsIntro")}</p>
      <ol className="proposals">
        {proposals.map((p) => (
          <li key={p.id} data-testid="proposal">
            <Form method="post" className="stack">
              <input type="hidden" name="itemId" value={p.id} />
              <div className="field">
                <label htmlFor={`p-${p.id}-title`}>{t("actions.what")}</label>
                <input id={`p-${p.id}-title`} name="title" defaultValue={p.title} maxLength={300} required />
              </div>
              {p.sourceLabel ? (
                <p className="muted">{t("reportWriting.proposalFrom", { source: p.sourceLabel })}</p>
              ) : null}
              {p.sourceNoteIds.length ? (
                <details>
                  <summary>{t("reportWriting.sourceNotes")}</summary>
                  <ul>
                    {p.sourceNoteIds.map((id) => (
                      <li key={id}>
                        {sources[id]!.text}
                        {sources[id]!.room ? <span className="muted"> · {sources[id]!.room}</span> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              <div className="field">
                <label htmlFor={`p-${p.id}-description`}>{t("actions.description")}</label>
                <textarea
                  id={`p-${p.id}-description`}
                  name="description"
                  rows={2}
                  maxLength={4000}
                  defaultValue={p.description}
                />
              </div>
              <div className="row">
                <div className="field">
                  <label htmlFor={`p-${p.id}-owner`}>{t("actions.owner")}</label>
                  <input
                    id={`p-${p.id}-owner`}
                    name="owner"
                    maxLength={200}
                    defaultValue={p.suggestedOwner}
                    aria-describedby={p.suggestedOwner ? `p-${p.id}-suggested` : undefined}
                  />
                  {p.suggestedOwner ? (
                    <p className="hint" id={`p-${p.id}-suggested`}>
                      {t("reportWriting.suggestedOwner", { owner: p.suggestedOwner })}
                    </p>
                  ) : null}
                </div>
                <div className="field">
                  <label htmlFor={`p-${p.id}-due`}>{t("actions.due")}</label>
                  <input id={`p-${p.id}-due`} name="dueDate" type="date" />
                </div>
              </div>
              <div className="inline-form">
                <button name="intent" value="proposal-accept" disabled={busy}>
                  {t("reportWriting.accept")}
                </button>
                <button name="intent" value="proposal-save" className="secondary" disabled={busy}>
                  {t("reportWriting.saveProposal")}
                </button>
                <button name="intent" value="proposal-drop" className="secondary danger" disabled={busy}>
                  {t("reportWriting.drop")}
                </button>
              </div>
            </Form>
          </li>
        ))}
      </ol>
    </section>
  );
}

type Speaker = {
  id: string;
  item: string;
  name: string;
  title: string;
  organisation: string;
  contribution: string;
  quote: string;
  quoteConsent: boolean;
};

/** The panel is on the record: the secretariat writes up each speaker's contribution and their quote, named with consent. */
export function PanelCard({ speakers }: { speakers: Speaker[] }) {
  const { t } = useTranslation();
  if (!speakers.length) return null;
  return (
    <details className="card" data-testid="panel-card">
      <summary>
        <h2 className="h3">{t("reportWriting.panelTitle")}</h2>
      </summary>
      <p className="muted">{t("reportWriting.panelIntro")}</p>
      {speakers.map((s) => (
        <Form key={s.id} method="post" className="stack speaker">
          <input type="hidden" name="speakerId" value={s.id} />
          <p>
            <strong>{s.name}</strong>
            {s.title ? `, ${s.title}` : ""}
            {s.organisation ? `, ${s.organisation}` : ""} <span className="muted">· {s.item}</span>
          </p>
          <div className="field">
            <label htmlFor={`sp-${s.id}-c`}>{t("reportWriting.contribution", { name: s.name })}</label>
            <textarea id={`sp-${s.id}-c`} name="contribution" rows={3} maxLength={6000} defaultValue={s.contribution} />
          </div>
          <div className="field">
            <label htmlFor={`sp-${s.id}-q`}>{t("reportWriting.quote", { name: s.name })}</label>
            <textarea id={`sp-${s.id}-q`} name="quote" rows={2} maxLength={1000} defaultValue={s.quote} />
          </div>
          <div className="field checkbox">
            <input id={`sp-${s.id}-ok`} type="checkbox" name="quoteConsent" defaultChecked={s.quoteConsent} />
            <label htmlFor={`sp-${s.id}-ok`}>{t("reportWriting.quoteConsent", { name: s.name })}</label>
          </div>
          <button name="intent" value="speaker" className="small">
            {t("reportWriting.saveSpeaker")}
          </button>
        </Form>
      ))}
    </details>
  );
}

/** The organisations the report lists, each of which may ask to be left out. */
export function OrganisationsCard({ organisations }: { organisations: { name: string; listed: boolean }[] }) {
  const { t } = useTranslation();
  if (!organisations.length) return null;
  return (
    <details className="card" data-testid="organisations-card">
      <summary>
        <h2 className="h3">{t("reportWriting.organisationsTitle")}</h2>
      </summary>
      <p className="muted">{t("reportWriting.organisationsIntro")}</p>
      <Form method="post" className="stack">
        <fieldset className="choices organisations">
          <legend className="visually-hidden">{t("reportWriting.organisationsTitle")}</legend>
          {organisations.map((o, i) => (
            <div key={o.name} className="choice">
              <input type="hidden" name="organisations" value={o.name} />
              <input id={`org-${i}`} type="checkbox" name="listed" value={o.name} defaultChecked={o.listed} />
              <label htmlFor={`org-${i}`}>{o.name}</label>
            </div>
          ))}
        </fieldset>
        <button name="intent" value="organisations" className="small">
          {t("reportWriting.saveOrganisations")}
        </button>
      </Form>
    </details>
  );
}

/** A free section (acknowledgements, about the programme, local initiatives, a partner box) where the team wants it. */
export function AddSection({
  sections,
  suggestions,
}: {
  sections: { key: string; title: string }[];
  suggestions: string[];
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="add-section-heading">
      <h2 id="add-section-heading" className="h3">
        {t("reportWriting.addSectionTitle")}
      </h2>
      <Form method="post" className="inline-form">
        <div className="field">
          <label htmlFor="new-section-title">{t("reportWriting.sectionTitle")}</label>
          <input id="new-section-title" name="title" list="section-suggestions" maxLength={200} required />
          <datalist id="section-suggestions">
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="new-section-after">{t("reportWriting.placeAfter")}</label>
          <select id="new-section-after" name="after" defaultValue={sections.at(-1)?.key}>
            {sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <button name="intent" value="add-section" className="small">
          {t("reportWriting.addSection")}
        </button>
      </Form>
    </section>
  );
}

/** Where each room's rapporteur writes: the report prints their summaries under the rooms. */
export function RoomSummariesCard({
  slug,
  rooms,
}: {
  slug: string;
  rooms: { name: string; boardId: string; written: boolean }[];
}) {
  const { t } = useTranslation();
  if (!rooms.length) return null;
  return (
    <section className="card" aria-labelledby="room-summaries-heading" data-testid="room-summaries">
      <h2 id="room-summaries-heading" className="h3">
        {t("roomSummary.editorTitle")}
      </h2>
      <ul>
        {rooms.map((r) => (
          <li key={r.boardId}>
            <Link to={`/events/${slug}/boards/${r.boardId}/summary`}>{r.name}</Link>{" "}
            <span className="muted">· {r.written ? t("roomSummary.written") : t("roomSummary.notYet")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
