import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventForm } from "~/components/EventForm";
import { formToObject } from "~/utils/form-data";
import { formAction, type FormResult, readForm, asHttpError } from "~/utils/forms.server";
import { DomainError } from "../../server/core/errors";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";
import { msg } from "../../server/core/i18n/message";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "newEvent");

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const { mayCreateEvents } = await context.core.platform.viewer(await actorOf(context));
  // Said before the form is filled in, not after: the core refuses the creation anyway.
  if (!mayCreateEvents) asHttpError(new DomainError("forbidden", msg("access.approvedOrganisersOnly")));
  return json({ timezones: Intl.supportedValuesOf("timeZone") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(context, request);
  const form = await readForm(request);
  return formAction(form, async () => {
    const event = await context.core.manage.create(await actorOf(context), formToObject(form));
    return redirect(`/events/${event.slug}/manage`);
  });
}

export default function NewEvent() {
  const { t } = useTranslation();
  const { timezones } = useLoaderData<typeof loader>();
  const result = useActionData<FormResult>();
  return (
    <section>
      <h1>{t("eventForm.newTitle")}</h1>
      <p>{t("eventForm.newIntro")}</p>
      <EventForm
        values={result?.values ?? {}}
        errors={result?.fieldErrors ?? {}}
        message={result ? (result.fieldErrors._form?.[0] ?? result.message) : undefined}
        submitLabel={t("eventForm.create")}
        timezones={timezones}
      />
    </section>
  );
}
