import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { managePageMeta } from "~/utils/manage-pages";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BUILT_IN_FIELDS, QUESTION_KINDS } from "../../server/core/events/schemas";
import { Field, FormMessage } from "~/components/Field";
import { Checkbox, Select, TextArea } from "~/components/form";
import { formToObject, one } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm, requireConfirmed } from "~/utils/forms.server";
import { Confirm } from "~/components/Confirm";
import { stakeholderName } from "~/i18n/stored-names";
import { actorOf } from "~/utils/session.server";

export const handle = { managePage: "form" };
export const meta: MetaFunction = ({ matches }) => managePageMeta(matches, "form");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const e = await context.core.manage.getForEditing(actor, eventId).catch(asHttpError);
  const answered = await context.core.manage.answerCounts(actor, eventId).catch(asHttpError);
  return json({
    categories: e.categories.map((c) => ({ id: c.id, key: c.key, label: c.label, used: c._count.registrations })),
    questions: e.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      required: q.required,
      options: q.options,
      answers: answered.get(q.id) ?? 0,
    })),
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const actor = await actorOf(context);
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    const id = String(form.get("id") ?? "");
    const m = context.core.manage;
    switch (form.get("intent")) {
      case "add-category":
        await m.addCategory(actor, eventId, formToObject(form));
        break;
      case "rename-category":
        await m.renameCategory(actor, eventId, id, formToObject(form));
        break;
      case "remove-category":
        requireConfirmed(form);
        await m.removeCategory(actor, eventId, id);
        break;
      case "add-question":
        await m.addQuestion(actor, eventId, formToObject(form));
        break;
      case "update-question":
        await m.updateQuestion(actor, eventId, id, formToObject(form));
        break;
      case "remove-question":
        requireConfirmed(form);
        await m.removeQuestion(actor, eventId, id);
        break;
      case "up":
      case "down":
        await m.moveQuestion(actor, eventId, id, form.get("intent") as "up" | "down");
        break;
    }
    return json({ ok: true as const });
  });
}

export default function FormEditor() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  // Default categories read in the organiser's language too; renaming one makes the new name theirs, shown as typed.
  const categories = data.categories.map((c) => ({ ...c, label: stakeholderName(i18n.language, c.key, c.label) }));
  const result = useActionData<FormResult | { ok: true }>();
  const failed = result && !result.ok ? result : undefined;
  const failedIntent = one(failed?.values, "intent");
  return (
    <>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t("manage.form.categories")}</h2>
        <p className="muted">{t("manage.form.categoriesHint")}</p>
        <p className="muted">{t("storedNames.defaultCategoriesHint")}</p>
        {failed && failedIntent?.includes("category") && !failed.fieldErrors.label ? (
          <FormMessage message={failed.message} />
        ) : null}
        <ul className="plain-list">
          {categories.map((c) => (
            <li key={c.id} className="category-row">
              <Form method="post" className="inline-form">
                <input type="hidden" name="id" value={c.id} />
                <label className="visually-hidden" htmlFor={`cat-${c.id}`}>
                  {t("manage.form.categoryLabel")}
                </label>
                {/* Wide enough for "Migrant-led or community organisation" and longer names. */}
                <input
                  id={`cat-${c.id}`}
                  name="label"
                  defaultValue={c.label}
                  className="category-input"
                  maxLength={100}
                />
                <button
                  type="submit"
                  name="intent"
                  value="rename-category"
                  className="small secondary"
                  aria-label={`${t("manage.form.rename")}: ${c.label}`}
                >
                  {t("manage.form.rename")}
                </button>
              </Form>
              {c.used === 0 ? (
                <Confirm
                  summary={`${t("manage.form.remove")}…`}
                  summaryLabel={`${t("manage.form.remove")}: ${c.label}`}
                  question={t("organise.confirm.removeCategoryQuestion", { label: c.label })}
                  confirmLabel={t("organise.confirm.removeYes")}
                  fields={{ intent: "remove-category", id: c.id }}
                  danger
                />
              ) : (
                <span className="muted">{t("manage.form.used", { count: c.used })}</span>
              )}
            </li>
          ))}
        </ul>
        <Form method="post" className="inline-form" key={`cat-${data.categories.length}`}>
          <input type="hidden" name="intent" value="add-category" />
          <Field
            label={t("manage.form.addCategory")}
            name="label"
            defaultValue={failedIntent === "add-category" ? one(failed?.values, "label") : undefined}
            errors={failedIntent === "add-category" ? failed?.fieldErrors.label : undefined}
          />
          <button type="submit">{t("manage.form.addCategory")}</button>
        </Form>
      </section>

      <section aria-labelledby="builtin-heading">
        <h2 id="builtin-heading">{t("organise.form.builtInTitle")}</h2>
        <p className="muted">{t("organise.form.builtInHint")}</p>
        <ul className="builtin-fields" data-testid="built-in-fields">
          {BUILT_IN_FIELDS.map((f) => (
            <li key={f.key}>{t(BUILT_IN_LABELS[f.key]!)}</li>
          ))}
          <li>{t("organise.form.consentField")}</li>
        </ul>
      </section>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t("manage.form.questions")}</h2>
        <p className="muted">{t("organise.form.questionsHint")}</p>
        {data.questions.length === 0 ? <p>{t("manage.form.none")}</p> : null}
        <ol className="plain-list">
          {data.questions.map((q, i) => (
            <li key={q.id} className="card">
              <p>
                <strong>{q.label}</strong> · {t(`manage.form.kinds.${q.kind}`)} ·{" "}
                {q.required ? t("manage.form.required") : t("manage.form.optional")}
              </p>
              {q.options.length ? <p className="muted">{q.options.join(" · ")}</p> : null}
              <Form method="post" className="row-actions">
                <input type="hidden" name="id" value={q.id} />
                {i > 0 ? (
                  <button
                    type="submit"
                    name="intent"
                    value="up"
                    className="small secondary"
                    aria-label={`${t("manage.form.up")}: ${q.label}`}
                  >
                    {t("manage.form.up")}
                  </button>
                ) : null}
                {i < data.questions.length - 1 ? (
                  <button
                    type="submit"
                    name="intent"
                    value="down"
                    className="small secondary"
                    aria-label={`${t("manage.form.down")}: ${q.label}`}
                  >
                    {t("manage.form.down")}
                  </button>
                ) : null}
              </Form>
              <details className="edit-question">
                <summary aria-label={`${t("organise.form.edit")}: ${q.label}`}>{t("organise.form.edit")}</summary>
                <QuestionFields
                  intent="update-question"
                  id={q.id}
                  values={
                    failedIntent === "update-question" && one(failed?.values, "id") === q.id
                      ? failed!.values
                      : {
                          label: q.label,
                          kind: q.kind,
                          options: q.options.join("\n"),
                          required: q.required ? "on" : "",
                        }
                  }
                  errors={failedIntent === "update-question" && one(failed?.values, "id") === q.id ? failed : undefined}
                  submit={t("organise.form.save")}
                  hint={q.answers ? t("organise.form.answersKept", { count: q.answers }) : undefined}
                />
              </details>
              <Confirm
                summary={`${t("manage.form.remove")}…`}
                summaryLabel={`${t("manage.form.remove")}: ${q.label}`}
                question={t(
                  q.answers ? "organise.confirm.removeQuestionAnswered" : "organise.confirm.removeQuestionQuestion",
                  {
                    label: q.label,
                    count: q.answers,
                  },
                )}
                confirmLabel={t("organise.confirm.removeYes")}
                fields={{ intent: "remove-question", id: q.id }}
                danger
              />
            </li>
          ))}
        </ol>
        <h3 id="add-question-heading">{t("manage.form.addQuestion")}</h3>
        <QuestionFields
          labelledBy="add-question-heading"
          key={`q-${data.questions.length}`}
          intent="add-question"
          values={failedIntent === "add-question" ? failed!.values : { kind: "short_text" }}
          errors={failedIntent === "add-question" ? failed : undefined}
          submit={t("manage.form.addQuestion")}
        />
      </section>
    </>
  );
}

/** Translation keys of the built-in fields, as the registration form labels them. */
const BUILT_IN_LABELS: Record<string, string> = {
  name: "register.name",
  email: "register.email",
  organisation: "register.organisation",
  category: "register.category",
  roleTitle: "register.roleTitle",
  city: "register.city",
  country: "register.country",
  language: "register.language",
  accessibility: "register.accessibility",
  gender: "register.gender",
  consentQuote: "register.consentQuote",
};

/** A custom question's fields, to add one or to change one (its id then says which). */
function QuestionFields({
  intent,
  id,
  values,
  errors,
  submit,
  hint,
  labelledBy,
}: {
  intent: string;
  labelledBy?: string;
  id?: string;
  values: Record<string, string | string[]>;
  errors?: FormResult;
  submit: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack" aria-labelledby={labelledBy}>
      <input type="hidden" name="intent" value={intent} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <FormMessage message={errors?.message} />
      {hint ? <p className="hint">{hint}</p> : null}
      <Field
        label={t("manage.form.questionLabel")}
        name="label"
        required
        defaultValue={one(values, "label")}
        errors={errors?.fieldErrors.label}
      />
      <Select
        label={t("manage.form.questionKind")}
        name="kind"
        options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`manage.form.kinds.${k}`) }))}
        defaultValue={one(values, "kind") ?? "short_text"}
      />
      <TextArea
        label={t("manage.form.options")}
        name="options"
        rows={3}
        hint={t("manage.form.optionsHint")}
        defaultValue={one(values, "options")}
        errors={errors?.fieldErrors.options}
      />
      <Checkbox label={t("manage.form.required")} name="required" defaultChecked={one(values, "required") === "on"} />
      <button type="submit">{submit}</button>
    </Form>
  );
}
