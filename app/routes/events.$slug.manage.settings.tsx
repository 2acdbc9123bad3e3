import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { managePageMeta } from "~/utils/manage-pages";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { utcToLocal } from "../../server/core/time";
import { EventForm } from "~/components/EventForm";
import { formToObject } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";

export const handle = { managePage: "settings" };
export const meta: MetaFunction = ({ matches }) => managePageMeta(matches, "settings");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const e = await context.core.manage.getForEditing(actor, eventId).catch(asHttpError);
  const local = (d: Date | null) => (d ? utcToLocal(d, e.timezone) : "");
  return json({
    timezones: Intl.supportedValuesOf("timeZone"),
    values: {
      title: e.title,
      description: e.description,
      format: e.format,
      venue: e.venue ?? "",
      meetingUrl: e.meetingUrl ?? "",
      timezone: e.timezone,
      startsAt: local(e.startsAt),
      endsAt: local(e.endsAt),
      languages: e.languages,
      chathamHouse: e.chathamHouse ? "on" : "",
      capacity: e.capacity?.toString() ?? "",
      retentionDays: e.retentionDays?.toString() ?? "",
      registrationOpensAt: local(e.registrationOpensAt),
      registrationClosesAt: local(e.registrationClosesAt),
      requiresApproval: e.requiresApproval ? "on" : "",
      partners: e.partners.join("\n"),
      organisations: e.organisations.join("\n"),
    } as Record<string, string | string[]>,
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    await context.core.manage.update(await actorOf(context), eventId, formToObject(form));
    return json({ ok: true as const });
  });
}

export default function Settings() {
  const { t } = useTranslation();
  const { values, timezones } = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true }>();
  const failed = result && !result.ok ? result : undefined;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t("manage.nav.settings")}</h2>
      {result?.ok ? (
        <p role="status" className="notice">
          {t("eventForm.saved")}
        </p>
      ) : null}
      <EventForm
        key={result?.ok ? "saved" : "editing"}
        values={failed?.values ?? values}
        errors={failed?.fieldErrors ?? {}}
        message={failed?.message}
        submitLabel={t("eventForm.save")}
        timezones={timezones}
      />
    </section>
  );
}
