import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/Field";
import { TextArea } from "~/components/form";
import { formToObject, one } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { languageName } from "~/utils/languages";
import { actorOf } from "~/utils/session.server";

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const sources = await context.core.content.sources(actor, eventId).catch(asHttpError);
  const others = sources.languages.slice(1);
  const asked = new URL(request.url).searchParams.get("language") ?? "";
  return json({ ...sources, language: others.includes(asked) ? asked : (others[0] ?? null) });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    const saved = await context.core.content.save(await actorOf(context), eventId, formToObject(form));
    return json({ ok: true as const, language: saved.language });
  });
}

/**
 * The organisers' own words in each other working language: each field shows the original as
 * its hint, and an empty field means "show the original" to that language's readers.
 */
export default function Translations() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true; language: string }>();
  const failed = result && !result.ok ? result : undefined;
  const lang = data.language;
  const first = data.languages[0] ?? "en";
  // After a refused save, what the organiser typed; else what is stored.
  const given = (tr: Record<string, Record<string, string>>, field: string, key: string) =>
    failed ? (one(failed.values, key) ?? "") : lang ? (tr[lang]?.[field] ?? "") : "";
  const errors = (key: string) => failed?.fieldErrors?.[key];
  return (
    <section aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t("room.translate.title")}</h2>
      <p className="muted">{t("room.translate.intro", { language: languageName(first) })}</p>
      {!lang ? (
        <p data-testid="no-other-language">{t("room.translate.onlyOne")}</p>
      ) : (
        <>
          <nav aria-label={t("room.translate.languages")} className="tabs">
            <ul>
              {data.languages.slice(1).map((l) => (
                <li key={l}>
                  <Link to={`?language=${l}`} aria-current={l === lang ? "page" : undefined} lang={l}>
                    {languageName(l)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {result?.ok ? (
            <p role="status" className="notice">
              {t("room.translate.saved", { language: languageName(result.language) })}
            </p>
          ) : null}
          <FormMessage message={failed?.message} />
          <Form method="post" className="stack" key={lang + (result?.ok ? ":saved" : "")}>
            <input type="hidden" name="language" value={lang} />
            <fieldset>
              <legend>{t("room.translate.event")}</legend>
              <TextArea
                label={t("room.translate.fieldTitle")}
                name="event.title"
                rows={1}
                maxLength={200}
                hint={data.event.title}
                defaultValue={given(data.event.translations, "title", "event.title")}
                errors={errors("event.title")}
              />
              <TextArea
                label={t("room.translate.fieldDescription")}
                name="event.description"
                rows={6}
                maxLength={20_000}
                hint={data.event.description}
                defaultValue={given(data.event.translations, "description", "event.description")}
                errors={errors("event.description")}
              />
            </fieldset>
            {data.agenda.length ? (
              <fieldset>
                <legend>{t("room.translate.agenda")}</legend>
                {data.agenda.map((a) => (
                  <div key={a.id} className="stack">
                    <TextArea
                      label={t("room.translate.itemTitle", { title: a.title })}
                      name={`agenda.${a.id}.title`}
                      rows={1}
                      maxLength={200}
                      hint={a.title}
                      defaultValue={given(a.translations, "title", `agenda.${a.id}.title`)}
                      errors={errors(`agenda.${a.id}.title`)}
                    />
                    {a.description ? (
                      <TextArea
                        label={t("room.translate.itemDescription", { title: a.title })}
                        name={`agenda.${a.id}.description`}
                        rows={2}
                        maxLength={2000}
                        hint={a.description}
                        defaultValue={given(a.translations, "description", `agenda.${a.id}.description`)}
                        errors={errors(`agenda.${a.id}.description`)}
                      />
                    ) : null}
                  </div>
                ))}
              </fieldset>
            ) : null}
            {data.rounds.map((r) => (
              <fieldset key={r.id}>
                <legend>{t("room.translate.round", { title: r.title })}</legend>
                <TextArea
                  label={t("room.translate.roundTitle")}
                  name={`round.${r.id}.title`}
                  rows={1}
                  maxLength={200}
                  hint={r.title}
                  defaultValue={given(r.translations, "title", `round.${r.id}.title`)}
                  errors={errors(`round.${r.id}.title`)}
                />
                {r.questions ? (
                  <TextArea
                    label={t("room.translate.questions")}
                    name={`round.${r.id}.questions`}
                    rows={3}
                    maxLength={4000}
                    hint={r.questions}
                    defaultValue={given(r.translations, "questions", `round.${r.id}.questions`)}
                    errors={errors(`round.${r.id}.questions`)}
                  />
                ) : null}
                {r.rooms.map((room) => (
                  <div key={room.id} className="stack">
                    <TextArea
                      label={t("room.translate.roomName", { name: room.name })}
                      name={`room.${room.id}.name`}
                      rows={1}
                      maxLength={120}
                      hint={room.name}
                      defaultValue={given(room.translations, "name", `room.${room.id}.name`)}
                      errors={errors(`room.${room.id}.name`)}
                    />
                    {room.questions ? (
                      <TextArea
                        label={t("room.translate.roomQuestions", { name: room.name })}
                        name={`room.${room.id}.questions`}
                        rows={3}
                        maxLength={4000}
                        hint={room.questions}
                        defaultValue={given(room.translations, "questions", `room.${room.id}.questions`)}
                        errors={errors(`room.${room.id}.questions`)}
                      />
                    ) : null}
                  </div>
                ))}
              </fieldset>
            ))}
            <p>
              <button type="submit">{t("room.translate.save", { language: languageName(lang) })}</button>
            </p>
          </Form>
        </>
      )}
    </section>
  );
}
