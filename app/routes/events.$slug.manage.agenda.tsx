import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { managePageMeta } from "~/utils/manage-pages";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AGENDA_KINDS } from "../../server/core/events/schemas";
import { utcToLocal } from "../../server/core/time";
import { formatLocalRange } from "~/utils/dates";
import { Field, FormMessage } from "~/components/Field";
import { Select, TextArea } from "~/components/form";
import { formToObject, one } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm, requireConfirmed } from "~/utils/forms.server";
import { Confirm } from "~/components/Confirm";
import { actorOf } from "~/utils/session.server";

export const handle = { managePage: "agenda" };
export const meta: MetaFunction = ({ matches }) => managePageMeta(matches, "agenda");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const e = await context.core.manage.getForEditing(actor, eventId).catch(asHttpError);
  return json({
    timezone: e.timezone,
    defaultStart: utcToLocal(e.startsAt, e.timezone),
    eventStart: utcToLocal(e.startsAt, e.timezone),
    eventEnd: utcToLocal(e.endsAt, e.timezone),
    items: e.agenda.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      description: a.description,
      startsAt: utcToLocal(a.startsAt, e.timezone),
      endsAt: utcToLocal(a.endsAt, e.timezone),
      speakers: a.speakers.map((s) => [s.name, s.title, s.organisation].filter(Boolean).join(", ")),
      speakersText: a.speakers
        .map((s) => [s.name, s.title, s.organisation].join(" | ").replace(/( \| )+$/, ""))
        .join("\n"),
    })),
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const actor = await actorOf(context);
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    const intent = form.get("intent");
    if (intent === "delete") {
      requireConfirmed(form);
      await context.core.manage.deleteAgendaItem(actor, eventId, String(form.get("itemId")));
    } else if (intent === "update")
      await context.core.manage.updateAgendaItem(actor, eventId, String(form.get("itemId")), formToObject(form));
    else await context.core.manage.addAgendaItem(actor, eventId, formToObject(form));
    return json({ ok: true as const });
  });
}

export default function AgendaEditor() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true }>();
  const failed = result && !result.ok ? result : undefined;
  const addFailed = one(failed?.values, "intent") !== "update" ? failed : undefined;
  const v = (k: string) => one(addFailed?.values, k);
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("manage.agenda.title")}</h2>
      <p className="muted">
        {t("manage.agenda.inZone", { tz: data.timezone })}{" "}
        {t("organise.agenda.eventSpan", { when: formatLocalRange(data.eventStart, data.eventEnd, i18n.language) })}{" "}
        {t("organise.agenda.movesWithEvent")}
      </p>
      {data.items.length === 0 ? (
        <p>{t("manage.agenda.empty")}</p>
      ) : (
        <ol className="agenda-edit">
          {data.items.map((item) => (
            <li key={item.id} className="card">
              <p>
                <strong data-testid="agenda-when">{formatLocalRange(item.startsAt, item.endsAt, i18n.language)}</strong>{" "}
                <span className="kind">{t(`events.kind.${item.kind}`)}</span> {item.title}
              </p>
              {item.startsAt < data.eventStart || item.endsAt > data.eventEnd ? (
                <p className="form-error" role="note">
                  {t("organise.agenda.outside")}
                </p>
              ) : null}
              {item.speakers.length ? <p className="muted">{item.speakers.join("; ")}</p> : null}
              <details>
                <summary>
                  {t("manage.agenda.editItem")}: {item.title}
                </summary>
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="itemId" value={item.id} />
                  {one(failed?.values, "itemId") === item.id ? <FormMessage message={failed?.message} /> : null}
                  <Select
                    label={t("manage.agenda.kind")}
                    name="kind"
                    options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
                    defaultValue={item.kind}
                  />
                  <Field label={t("manage.agenda.itemTitle")} name="title" required defaultValue={item.title} />
                  <TextArea
                    label={t("manage.agenda.description")}
                    name="description"
                    rows={2}
                    defaultValue={item.description}
                  />
                  <div className="row">
                    <Field
                      label={t("manage.agenda.startsAt")}
                      name="startsAt"
                      type="datetime-local"
                      required
                      defaultValue={item.startsAt}
                      errors={one(failed?.values, "itemId") === item.id ? failed?.fieldErrors.startsAt : undefined}
                    />
                    <Field
                      label={t("manage.agenda.endsAt")}
                      name="endsAt"
                      type="datetime-local"
                      required
                      defaultValue={item.endsAt}
                      errors={one(failed?.values, "itemId") === item.id ? failed?.fieldErrors.endsAt : undefined}
                    />
                  </div>
                  <TextArea
                    label={t("manage.agenda.speakers")}
                    name="speakers"
                    rows={3}
                    hint={t("manage.agenda.speakersHint")}
                    defaultValue={item.speakersText}
                  />
                  <button type="submit">{t("manage.agenda.saveItem")}</button>
                </Form>
              </details>
              <Confirm
                summary={`${t("manage.agenda.remove")}…`}
                summaryLabel={`${t("manage.agenda.remove")}: ${item.title}`}
                question={t("organise.confirm.removeAgendaQuestion", { title: item.title })}
                confirmLabel={t("organise.confirm.removeYes")}
                fields={{ intent: "delete", itemId: item.id }}
                danger
              />
            </li>
          ))}
        </ol>
      )}
      <h3 id="agenda-add-heading">{t("manage.agenda.add")}</h3>
      <Form
        method="post"
        className="stack"
        key={result?.ok ? data.items.length : "form"}
        aria-labelledby="agenda-add-heading"
      >
        <FormMessage message={addFailed?.message} />
        <Select
          label={t("manage.agenda.kind")}
          name="kind"
          options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
          defaultValue={v("kind") ?? "panel"}
          errors={addFailed?.fieldErrors.kind}
        />
        <Field
          label={t("manage.agenda.itemTitle")}
          name="title"
          required
          defaultValue={v("title")}
          errors={addFailed?.fieldErrors.title}
        />
        <TextArea
          label={t("manage.agenda.description")}
          name="description"
          rows={2}
          defaultValue={v("description")}
          errors={addFailed?.fieldErrors.description}
        />
        <div className="row">
          <Field
            label={t("manage.agenda.startsAt")}
            name="startsAt"
            type="datetime-local"
            required
            defaultValue={v("startsAt") ?? data.defaultStart}
            errors={addFailed?.fieldErrors.startsAt}
          />
          <Field
            label={t("manage.agenda.endsAt")}
            name="endsAt"
            type="datetime-local"
            required
            defaultValue={v("endsAt") ?? data.defaultStart}
            errors={addFailed?.fieldErrors.endsAt}
          />
        </div>
        <TextArea
          label={t("manage.agenda.speakers")}
          name="speakers"
          rows={3}
          hint={t("manage.agenda.speakersHint")}
          defaultValue={v("speakers")}
          errors={addFailed?.fieldErrors.speakers}
        />
        <button type="submit">{t("manage.agenda.save")}</button>
      </Form>
    </section>
  );
}
