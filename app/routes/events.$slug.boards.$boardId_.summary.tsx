import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/Field";
import { categoryName } from "~/i18n";
import { useBoard } from "~/realtime/use-board";
import { formToObject } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { UserText } from "~/components/UserText";
import { authorName } from "~/i18n/stored-names";
import { useIsolatedT } from "~/i18n/isolate";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.view.room.name} · Plenary` : "Plenary" },
];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const actor = await actorOf(context);
  const boardId = params.boardId ?? "";
  const view = await context.core.roomSummaries.view(actor, boardId).catch(asHttpError);
  const snapshot = await context.core.boards.snapshot(actor, boardId).catch(asHttpError);
  return json({ view, snapshot, maxQuotes: context.core.roomSummaries.maxQuotes });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const fields = formToObject(form);
    // Quote slots are numbered, so an unticked consent box still belongs to its quote.
    const quotes = Array.from({ length: context.core.roomSummaries.maxQuotes }, (_, i) => ({
      text: String(fields[`quote${i}Text`] ?? ""),
      attribution: String(fields[`quote${i}Attribution`] ?? ""),
      consent: fields[`quote${i}Consent`] === "on",
    })).filter((q) => q.text.trim());
    await context.core.roomSummaries.save(await actorOf(context), params.boardId ?? "", {
      observations: fields.observations ?? "",
      keyMessages: fields.keyMessages ?? "",
      proposedActions: fields.proposedActions ?? "",
      quotes,
    });
    return json({ ok: true as const });
  });
}

/**
 * The rapporteur's structured summary of a room (the shape of a rapporteur template: general
 * observations, key messages, proposed actions, notable quotes), written beside the room's live board.
 */
export default function RoomSummaryPage() {
  const { view, snapshot, maxQuotes } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const result = useActionData<FormResult | { ok: true }>();
  const failed = result && !result.ok ? result : undefined;
  const busy = useNavigation().state !== "idle";
  const { revalidate } = useRevalidator();
  const b = useBoard(snapshot, revalidate);
  const s = view.summary;
  const value = (k: string, fallback: string) => (failed ? String(failed.values[k] ?? "") : fallback);
  const clusters = Object.values(b.state.clusters).sort((x, y) => x.position - y.position);
  const notes = Object.values(b.state.notes).sort(
    (x, y) => y.votes - x.votes || x.createdAt.localeCompare(y.createdAt),
  );
  const field = (name: "observations" | "keyMessages" | "proposedActions", rows: number, hint: string) => (
    <div className="field">
      <label htmlFor={`rs-${name}`}>{t(`roomSummary.${name}`)}</label>
      <textarea
        id={`rs-${name}`}
        name={name}
        rows={rows}
        maxLength={name === "observations" ? 6000 : 4000}
        defaultValue={value(name, s[name])}
        aria-describedby={`rs-${name}-hint`}
        aria-invalid={failed?.fieldErrors[name] ? true : undefined}
      />
      <p className="hint" id={`rs-${name}-hint`}>
        {hint}
      </p>
      {failed?.fieldErrors[name] ? <p className="field-error">{failed.fieldErrors[name]!.join(" ")}</p> : null}
    </div>
  );

  return (
    <section aria-labelledby="rs-title">
      <p className="eyebrow">
        <Link to={`/events/${view.event.slug}`}>
          <UserText text={view.event.title} />
        </Link>{" "}
        ·{" "}
        <Link to={`/events/${view.event.slug}/boards/${snapshot.board.id}`}>
          <UserText text={view.room.name} />
        </Link>
      </p>
      <h1 id="rs-title">{ti("roomSummary.title", { room: view.room.name })}</h1>
      <p>{t("roomSummary.intro")}</p>
      <div className="summary-layout">
        {/* It scrolls on its own, so it takes keyboard focus (WCAG: scrollable regions). */}
        <section className="card summary-board" aria-labelledby="rs-board" data-testid="summary-board" tabIndex={0}>
          <h2 id="rs-board" className="h3">
            {t("roomSummary.board")}
          </h2>
          {notes.length === 0 ? <p className="muted">{t("roomSummary.noNotes")}</p> : null}
          {snapshot.board.categories.map((category) => {
            const inCat = notes.filter((n) => n.category === category);
            if (!inCat.length) return null;
            const groups = [
              ...clusters.map((c) => ({ label: c.label, notes: inCat.filter((n) => n.clusterId === c.id) })),
              {
                label: clusters.length ? t("board.unclustered") : "",
                notes: inCat.filter((n) => !n.clusterId || !b.state.clusters[n.clusterId]),
              },
            ].filter((g) => g.notes.length);
            return (
              <section key={category} aria-label={categoryName(i18n.language, category)}>
                <h3 className="h4">{categoryName(i18n.language, category)}</h3>
                {groups.map((g, i) => (
                  <div key={i}>
                    {g.label ? <UserText as="p" className="cluster-label" text={g.label} /> : null}
                    <ul>
                      {g.notes.map((n) => (
                        <li key={n.id}>
                          <UserText text={n.text} />{" "}
                          <span className="muted">
                            · <UserText text={authorName(t, i18n.language, n.authorCategory ?? "")} /> ·{" "}
                            {t("roomSummary.votes", { count: n.votes })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </section>
            );
          })}
        </section>

        <Form method="post" className="card stack" aria-label={t("roomSummary.title", { room: view.room.name })}>
          <FormMessage message={failed?.message} />
          {result?.ok ? <p role="status">{t("roomSummary.saved")}</p> : null}
          {view.updatedAt && view.updatedBy ? (
            <p className="muted">
              {ti("roomSummary.lastSaved", {
                at: <>{formatDateTime(view.updatedAt, i18n.language, view.event.timezone)}</>,
                name: view.updatedBy,
              })}
            </p>
          ) : null}
          {field("observations", 8, t("roomSummary.observationsHint"))}
          {field("keyMessages", 5, t("roomSummary.keyMessagesHint"))}
          {field("proposedActions", 5, t("roomSummary.proposedActionsHint"))}
          <fieldset>
            <legend>{t("roomSummary.quotes")}</legend>
            <p className="hint">{t("roomSummary.quotesHint")}</p>
            {/* The quotes written so far and two empty slots, up to the maximum. */}
            {Array.from({ length: Math.min(maxQuotes, s.quotes.length + 2) }, (_, i) => {
              const q = s.quotes[i];
              return (
                <div key={i} className="stack quote-slot">
                  <div className="field">
                    <label htmlFor={`rs-q${i}`}>{t("roomSummary.quoteN", { n: i + 1 })}</label>
                    <textarea
                      id={`rs-q${i}`}
                      name={`quote${i}Text`}
                      rows={2}
                      maxLength={500}
                      defaultValue={value(`quote${i}Text`, q?.text ?? "")}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`rs-q${i}-who`}>{t("roomSummary.attribution")}</label>
                    <input
                      id={`rs-q${i}-who`}
                      name={`quote${i}Attribution`}
                      maxLength={200}
                      defaultValue={value(`quote${i}Attribution`, q?.attribution ?? "")}
                    />
                  </div>
                  <div className="field checkbox">
                    <input
                      id={`rs-q${i}-ok`}
                      type="checkbox"
                      name={`quote${i}Consent`}
                      defaultChecked={failed ? failed.values[`quote${i}Consent`] === "on" : (q?.consent ?? false)}
                    />
                    <label htmlFor={`rs-q${i}-ok`}>{t("roomSummary.consent")}</label>
                  </div>
                </div>
              );
            })}
          </fieldset>
          <button type="submit" disabled={busy}>
            {t("roomSummary.save")}
          </button>
        </Form>
      </div>
    </section>
  );
}
