import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { managePageMeta } from "~/utils/manage-pages";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EVENT_ROLES } from "../../server/core/permissions";
import type { ImportReport as Report } from "../../server/core/invitations/service";
import { ImportReport } from "~/components/ImportReport";
import { Field, FormMessage } from "~/components/Field";
import { Checkbox, Select } from "~/components/form";
import { formToObject, one } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";
import { readCsvUpload } from "~/utils/csv-upload.server";

export const handle = { managePage: "team" };
export const meta: MetaFunction = ({ matches }) => managePageMeta(matches, "team");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const [team, invitations] = await Promise.all([
    context.core.invitations.team(actor, eventId).catch(asHttpError),
    context.core.invitations.list(actor, eventId).catch(asHttpError),
  ]);
  return json({ team, invitations });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  if (request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    const upload = await readCsvUpload(request);
    if ("error" in upload) return upload.error;
    const { form, text } = upload;
    return formAction(form, async () => {
      const report = await context.core.invitations.importCsv(
        actor,
        eventId,
        text,
        { validOnly: form.get("validOnly") === "on" },
        context.publicUrl,
      );
      return json({ ok: true as const, report });
    });
  }
  const form = await readForm(request);
  return formAction(form, async () => {
    await context.core.invitations.invite(actor, eventId, formToObject(form), context.publicUrl);
    return json({ ok: true as const, invited: true as const });
  });
}

export default function Team() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true; invited: true } | { ok: true; report: Report }>();
  const failed = result && !result.ok ? result : undefined;
  const report = result?.ok && "report" in result ? result.report : null;
  const isImportError = failed && "file" in failed.fieldErrors;
  return (
    <>
      <section aria-labelledby="team-heading">
        <h2 id="team-heading">{t("manage.team.title")}</h2>
        <p>{t("manage.team.intro")}</p>
        <h3>{t("manage.team.members")}</h3>
        <ul className="plain-list">
          {data.team.map((m) => (
            <li key={m.id}>
              <bdi>{m.name}</bdi>{" "}
              <span className="muted">
                (<bdi>{m.email}</bdi>)
              </span>{" "}
              · {t(`events.role.${m.role}`)}
            </li>
          ))}
        </ul>
        <Form
          method="post"
          className="stack"
          key={result?.ok && "invited" in result ? data.invitations.length : "invite"}
        >
          {result?.ok && "invited" in result ? <p role="status">{t("manage.team.invited")}</p> : null}
          {failed && !isImportError ? <FormMessage message={failed.message} /> : null}
          <div className="row">
            <Field
              label={t("manage.team.email")}
              name="email"
              type="email"
              required
              defaultValue={isImportError ? undefined : one(failed?.values, "email")}
              errors={isImportError ? undefined : failed?.fieldErrors.email}
            />
            <Field
              label={t("manage.team.name")}
              name="name"
              defaultValue={isImportError ? undefined : one(failed?.values, "name")}
            />
            <Select
              label={t("manage.team.role")}
              name="role"
              options={EVENT_ROLES.map((r) => ({ value: r, label: t(`events.role.${r}`) }))}
              defaultValue="facilitator"
            />
          </div>
          <button type="submit">{t("manage.team.invite")}</button>
        </Form>
        {data.invitations.length ? (
          <>
            <h3>{t("manage.team.invitations")}</h3>
            <ul className="plain-list" data-testid="invitations">
              {data.invitations.map((i) => (
                <li key={i.id}>
                  <bdi>{i.email}</bdi> · {t(`events.role.${i.role}`)} · {t(`manage.team.invitationStatus.${i.status}`)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t("manage.team.importTitle")}</h2>
        <p className="muted">{t("manage.team.importHint")}</p>
        <Form method="post" encType="multipart/form-data" className="stack">
          {isImportError ? <FormMessage message={failed.message} /> : null}
          <div className="field">
            <label htmlFor="import-file">{t("manage.team.file")}</label>
            <input
              id="import-file"
              type="file"
              name="file"
              accept=".csv,text/csv"
              required
              aria-invalid={isImportError ? true : undefined}
            />
          </div>
          <Checkbox label={t("manage.team.validOnly")} name="validOnly" />
          <button type="submit">{t("manage.team.importSubmit")}</button>
        </Form>
        {report ? (
          <ImportReport
            testId="import-report"
            summary={
              report.dryRun
                ? t("manage.team.importNothing", { count: report.errors.length })
                : t("manage.team.imported", { count: report.imported })
            }
            errors={report.errors}
            skipped={report.skipped}
          />
        ) : null}
      </section>
    </>
  );
}
