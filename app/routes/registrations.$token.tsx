import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegistrationForm } from "~/components/RegistrationForm";
import { formatRange } from "~/utils/dates";
import { formToObject } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { useIsolatedT } from "~/i18n/isolate";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "registration", {}, [{ name: "robots", content: "noindex" }]);

// Reached from the link in the confirmation email: the link is the proof, no sign-in needed.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const reg = await context.core.registrations.getByToken(params.token ?? "").catch(asHttpError);
  const { event } = reg;
  const { answers } = reg;
  return json({
    status: reg.status,
    position: reg.position,
    event: {
      title: event.title,
      slug: event.slug,
      timezone: event.timezone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
    },
    spec: {
      categories: event.categories.map((c) => ({ key: c.key, label: c.label })),
      questions: event.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        label: q.label,
        required: q.required,
        options: q.options,
      })),
      languages: event.languages,
      chathamHouse: event.chathamHouse,
    },
    values: {
      organisation: reg.organisation,
      categoryKey: reg.category?.key ?? "",
      roleTitle: reg.roleTitle,
      city: reg.city,
      country: reg.country,
      preferredLanguage: reg.preferredLanguage,
      accessibilityNeeds: reg.accessibilityNeeds,
      gender: reg.gender ?? "",
      consentData: reg.consentData ? "on" : "",
      consentQuote: reg.consentQuote ? "on" : "",
      ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`q_${k}`, v])),
    } as Record<string, string | string[]>,
    name: reg.user.name,
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = params.token ?? "";
  return formAction(form, async () => {
    if (form.get("intent") === "cancel") {
      await context.core.registrations.cancelByToken(token, context.publicUrl);
      return json({ ok: true as const, did: "cancelled" as const });
    }
    await context.core.registrations.updateByToken(token, formToObject(form));
    return json({ ok: true as const, did: "saved" as const });
  });
}

export default function RegistrationPage() {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true; did: "cancelled" | "saved" }>();
  const failed = result && !result.ok ? result : undefined;
  const active = data.status === "confirmed" || data.status === "waitlisted" || data.status === "pending";
  return (
    <section className="narrow-wide">
      <h1>{t("registration.title")}</h1>
      <p>
        <Link to={`/events/${data.event.slug}`}>{ti("registration.for", { title: data.event.title })}</Link> ·{" "}
        {formatRange(data.event.startsAt, data.event.endsAt, data.event.timezone, i18n.language)}
      </p>
      <p role="status" className="notice">
        {result?.ok && result.did === "saved"
          ? t("registration.saved")
          : t(`register.status.${data.status}`, { position: data.position })}
      </p>
      {active ? (
        <>
          <h2>{t("registration.edit")}</h2>
          <RegistrationForm
            spec={data.spec}
            identity={false}
            values={failed?.values ?? data.values}
            errors={failed?.fieldErrors ?? {}}
            message={failed?.message}
            intent="update"
            submitLabel={t("registration.save")}
          />
          <h2>{t("registration.cancel")}</h2>
          <p>{t("registration.cancelHint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="danger">
              {t("registration.cancelConfirm")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
