import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EVENT_CREATION, INSTANCE_LANGUAGES } from "../../server/core/platform/rules";
import { Field, FormMessage } from "~/components/Field";
import { Choices, Select } from "~/components/form";
import { formToObject, many, one } from "~/utils/form-data";
import { languageName } from "~/utils/languages";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const [settings, changes] = await Promise.all([
    context.core.platform.settings(),
    context.core.platform.recentChanges(actor).catch(asHttpError),
  ]);
  return json({ settings, changes, mail: context.core.mailKind });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    await context.core.platform.updateSettings(await actorOf(context), formToObject(form));
    return json({ ok: true as const });
  });
}

export default function InstanceSettings() {
  const { t, i18n } = useTranslation();
  const { settings, changes, mail } = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true }>();
  const failed = result && !result.ok ? result : undefined;
  const languages = many(failed?.values, "languages") ?? settings.languages;
  return (
    <>
      <section aria-labelledby="instance-heading">
        <h2 id="instance-heading">{t("admin.instance.title")}</h2>
        <p className="muted">{mail === "smtp" ? t("admin.instance.mailSmtp") : t("admin.instance.mailDev")}</p>
        {result?.ok ? (
          <p role="status" className="notice">
            {t("admin.instance.saved")}
          </p>
        ) : null}
        <Form method="post" className="stack" key={result?.ok ? "saved" : "editing"}>
          <FormMessage message={failed?.message} />
          <Field
            label={t("admin.instance.name")}
            name="name"
            required
            hint={t("admin.instance.nameHint")}
            defaultValue={one(failed?.values, "name") ?? settings.name}
            errors={failed?.fieldErrors.name}
          />
          <Choices
            legend={t("admin.instance.languages")}
            name="languages"
            multiple
            hint={t("admin.instance.languagesHint")}
            options={INSTANCE_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
            defaultValue={languages}
            errors={failed?.fieldErrors.languages}
          />
          <Select
            label={t("admin.instance.defaultLanguage")}
            name="defaultLanguage"
            options={INSTANCE_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
            defaultValue={one(failed?.values, "defaultLanguage") ?? settings.languages[0]}
          />
          <Choices
            legend={t("admin.instance.eventCreation")}
            name="eventCreation"
            options={EVENT_CREATION.map((c) => ({ value: c, label: t(`admin.instance.creation.${c}`) }))}
            defaultValue={one(failed?.values, "eventCreation") ?? settings.eventCreation}
            errors={failed?.fieldErrors.eventCreation}
          />
          <button type="submit">{t("admin.instance.save")}</button>
        </Form>
      </section>
      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t("admin.changes.title")}</h2>
        {changes.length ? (
          <ul className="plain-list" data-testid="admin-changes">
            {changes.map((c) => (
              <li key={c.id}>
                <time dateTime={c.at}>{new Date(c.at).toLocaleString(i18n.language, { timeZone: "UTC" })} UTC</time> ·{" "}
                {t(`admin.changes.kind.${c.action.replace("platform.", "")}`, {
                  defaultValue: c.action,
                  role: typeof c.details.to === "string" ? t(`admin.roles.${c.details.to}`) : "",
                })}
                {c.subject ? ` · ${c.subject}` : ""}
                {c.by ? ` · ${t("admin.changes.by", { name: c.by })}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("admin.changes.none")}</p>
        )}
      </section>
    </>
  );
}
