import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QUESTION_KINDS } from "../../server/core/events/schemas";
import { Field, FormMessage } from "~/components/Field";
import { Checkbox, Select, TextArea } from "~/components/form";
import { formToObject, one } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const e = await context.core.manage.getForEditing(actor, eventId).catch(asHttpError);
  return json({
    categories: e.categories.map((c) => ({ id: c.id, label: c.label, used: c._count.registrations })),
    questions: e.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      required: q.required,
      options: JSON.parse(q.optionsJson) as string[],
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
        await m.removeCategory(actor, eventId, id);
        break;
      case "add-question":
        await m.addQuestion(actor, eventId, formToObject(form));
        break;
      case "remove-question":
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
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true }>();
  const failed = result && !result.ok ? result : undefined;
  const failedIntent = one(failed?.values, "intent");
  return (
    <>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t("manage.form.categories")}</h2>
        <p className="muted">{t("manage.form.categoriesHint")}</p>
        {failed && failedIntent?.includes("category") && !failed.fieldErrors.label ? (
          <FormMessage message={failed.message} />
        ) : null}
        <ul className="plain-list">
          {data.categories.map((c) => (
            <li key={c.id}>
              <Form method="post" className="inline-form">
                <input type="hidden" name="id" value={c.id} />
                <label className="visually-hidden" htmlFor={`cat-${c.id}`}>
                  {t("manage.form.categoryLabel")}
                </label>
                <input id={`cat-${c.id}`} name="label" defaultValue={c.label} />
                <button type="submit" name="intent" value="rename-category" className="small secondary">
                  {t("manage.form.rename")}
                </button>
                {c.used === 0 ? (
                  <button
                    type="submit"
                    name="intent"
                    value="remove-category"
                    className="small danger"
                    aria-label={`${t("manage.form.remove")}: ${c.label}`}
                  >
                    {t("manage.form.remove")}
                  </button>
                ) : (
                  <span className="muted">{t("manage.form.used", { count: c.used })}</span>
                )}
              </Form>
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

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t("manage.form.questions")}</h2>
        <p className="muted">{t("manage.form.questionsHint")}</p>
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
                <button
                  type="submit"
                  name="intent"
                  value="remove-question"
                  className="small danger"
                  aria-label={`${t("manage.form.remove")}: ${q.label}`}
                >
                  {t("manage.form.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ol>
        <h3>{t("manage.form.addQuestion")}</h3>
        <Form method="post" className="stack" key={`q-${data.questions.length}`}>
          <input type="hidden" name="intent" value="add-question" />
          {failedIntent === "add-question" ? <FormMessage message={failed?.message} /> : null}
          <Field
            label={t("manage.form.questionLabel")}
            name="label"
            required
            defaultValue={failedIntent === "add-question" ? one(failed?.values, "label") : undefined}
            errors={failedIntent === "add-question" ? failed?.fieldErrors.label : undefined}
          />
          <Select
            label={t("manage.form.questionKind")}
            name="kind"
            options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`manage.form.kinds.${k}`) }))}
            defaultValue={one(failed?.values, "kind") ?? "short_text"}
          />
          <TextArea
            label={t("manage.form.options")}
            name="options"
            rows={3}
            hint={t("manage.form.optionsHint")}
            defaultValue={failedIntent === "add-question" ? one(failed?.values, "options") : undefined}
            errors={failedIntent === "add-question" ? failed?.fieldErrors.options : undefined}
          />
          <Checkbox label={t("manage.form.required")} name="required" />
          <button type="submit">{t("manage.form.addQuestion")}</button>
        </Form>
      </section>
    </>
  );
}
