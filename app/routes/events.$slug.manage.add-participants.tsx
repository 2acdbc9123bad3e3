import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { managePageMeta } from "~/utils/manage-pages";
import { stakeholderName } from "~/i18n/stored-names";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RecordReport } from "../../server/core/registration/recorded";
import { countryOptions } from "../../server/core/countries";
import { Field, FormMessage } from "~/components/Field";
import { Checkbox, Select } from "~/components/form";
import { ImportReport } from "~/components/ImportReport";
import { formToObject, one } from "~/utils/form-data";
import { languageName } from "~/utils/languages";
import { readCsvUpload } from "~/utils/csv-upload.server";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";

export const handle = { managePage: "add-participants" };
export const meta: MetaFunction = ({ matches }) => managePageMeta(matches, "add-participants");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  return json({ spec: await context.core.registrations.recordSpec(actor, eventId).catch(asHttpError) });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  if (request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    const upload = await readCsvUpload(request);
    if ("error" in upload) return upload.error;
    const { form, text } = upload;
    return formAction(form, async () => {
      const report = await context.core.registrations.importCsv(
        actor,
        eventId,
        text,
        formToObject(form),
        context.publicUrl,
      );
      return json({ ok: true as const, report });
    });
  }
  const form = await readForm(request);
  return formAction(form, async () => {
    const r = await context.core.registrations.record(actor, eventId, formToObject(form), context.publicUrl);
    return json({ ok: true as const, recorded: r.outcome, name: String(form.get("name") ?? "") });
  });
}

type Result = FormResult | { ok: true; recorded: string; name: string } | { ok: true; report: RecordReport };

/** The team records people themselves: one by one, or from a spreadsheet, whatever the registration window. */
export default function AddParticipants() {
  const { t, i18n } = useTranslation();
  const { spec } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : undefined;
  const importFailed = failed && ("file" in failed.fieldErrors || one(failed.values, "intent") === "import");
  const formFailed = failed && !importFailed ? failed : undefined;
  const report = result?.ok && "report" in result ? result.report : null;
  const recorded = result?.ok && "recorded" in result ? result : null;
  const v = (k: string) => one(formFailed?.values, k);
  const e = formFailed?.fieldErrors ?? {};
  return (
    <>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t("organise.people.title")}</h2>
        <p>{spec.ended ? t("organise.people.introPast") : t("organise.people.intro")}</p>
        <p>
          <Link to="../participants">{t("organise.people.backToList")}</Link>
        </p>
        {recorded ? (
          <p role="status" className="notice" data-testid="recorded">
            {t(`organise.people.done.${recorded.recorded}`, { name: recorded.name })}
          </p>
        ) : null}
        <Form
          method="post"
          className="stack"
          noValidate
          key={recorded ? `added-${recorded.name}` : "add"}
          aria-labelledby="add-heading"
        >
          <FormMessage message={formFailed?.message} />
          <div className="row">
            <Field label={t("register.name")} name="name" required defaultValue={v("name")} errors={e.name} />
            <Field
              label={t("register.email")}
              name="email"
              type="email"
              required
              hint={t("organise.people.emailHint")}
              defaultValue={v("email")}
              errors={e.email}
            />
          </div>
          <div className="row">
            <Field
              label={t("register.organisation")}
              name="organisation"
              required
              defaultValue={v("organisation")}
              errors={e.organisation}
            />
            <Select
              label={t("register.category")}
              name="categoryKey"
              required
              placeholder={t("register.chooseCategory")}
              options={spec.categories.map((c) => ({
                value: c.key,
                label: stakeholderName(i18n.language, c.key, c.label),
              }))}
              defaultValue={v("categoryKey")}
              errors={e.categoryKey}
            />
          </div>
          <Field label={t("register.roleTitle")} name="roleTitle" defaultValue={v("roleTitle")} errors={e.roleTitle} />
          <div className="row">
            <Field label={t("register.city")} name="city" defaultValue={v("city")} errors={e.city} />
            <Select
              label={t("register.country")}
              name="country"
              placeholder={t("register.chooseCountry")}
              options={countryOptions(i18n.language)}
              defaultValue={v("country")}
              errors={e.country}
            />
            <Select
              label={t("register.language")}
              name="preferredLanguage"
              options={spec.languages.map((l) => ({ value: l, label: languageName(l) }))}
              defaultValue={v("preferredLanguage") ?? spec.languages[0]}
              errors={e.preferredLanguage}
            />
          </div>
          <Field
            label={t("register.gender")}
            name="gender"
            hint={t("register.genderHint")}
            defaultValue={v("gender")}
            errors={e.gender}
          />
          <Checkbox
            label={t("organise.people.attended")}
            name="attended"
            defaultChecked={formFailed ? v("attended") === "on" : spec.ended}
          />
          <Checkbox
            label={t("organise.people.consentData")}
            name="consentData"
            required
            defaultChecked={v("consentData") === "on"}
            errors={e.consentData}
          />
          <Checkbox
            label={t("organise.people.consentQuote")}
            name="consentQuote"
            defaultChecked={v("consentQuote") === "on"}
          />
          <Checkbox
            label={t("organise.people.notify")}
            name="notify"
            hint={t("organise.people.notifyHint")}
            defaultChecked={formFailed ? v("notify") === "on" : false}
          />
          <button type="submit" disabled={busy}>
            {t("organise.people.add")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="import-people-heading">
        <h2 id="import-people-heading">{t("organise.people.importTitle")}</h2>
        <p className="muted">{t("organise.people.importHint")}</p>
        <Form method="post" encType="multipart/form-data" className="stack" aria-labelledby="import-people-heading">
          <input type="hidden" name="intent" value="import" />
          {importFailed ? <FormMessage message={failed!.message} /> : null}
          <div className="field">
            <label htmlFor="people-file">{t("manage.team.file")}</label>
            <input
              id="people-file"
              type="file"
              name="file"
              accept=".csv,text/csv"
              required
              aria-invalid={importFailed && failed!.fieldErrors.file ? true : undefined}
            />
          </div>
          <Checkbox
            label={t("organise.people.importConsent")}
            name="consentData"
            required
            errors={importFailed ? failed!.fieldErrors.consentData : undefined}
          />
          <Checkbox label={t("manage.team.validOnly")} name="validOnly" />
          <Checkbox label={t("organise.people.notify")} name="notify" hint={t("organise.people.notifyHint")} />
          <button type="submit" disabled={busy}>
            {t("organise.people.importSubmit")}
          </button>
        </Form>
        {report ? (
          <ImportReport
            testId="record-report"
            summary={
              report.dryRun
                ? t("manage.team.importNothing", { count: report.errors.length })
                : t("organise.people.imported", { added: report.added, attendance: report.attendance })
            }
            errors={report.errors}
            skipped={report.skipped}
          />
        ) : null}
      </section>
    </>
  );
}
