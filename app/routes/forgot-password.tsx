import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage } from "~/components/Field";
import { one } from "~/utils/form-data";
import { limitAttempt } from "~/utils/limits.server";
import { formAction, type FormResult, readForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "forgot");

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    await limitAttempt(context, "passwordReset", String(form.get("email") ?? ""));
    await context.core.auth.requestPasswordReset({ email: form.get("email") }, context.publicUrl);
    return json({ ok: true as const });
  });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const result = useActionData<FormResult | { ok: true }>();
  const busy = useNavigation().state !== "idle";
  if (result?.ok) {
    return (
      <section className="narrow">
        <h1>{t("auth.forgotTitle")}</h1>
        <p role="status">{t("auth.forgotSent")}</p>
      </section>
    );
  }
  const failed = result && !result.ok ? result : undefined;
  return (
    <section className="narrow">
      <h1>{t("auth.forgotTitle")}</h1>
      <p>{t("auth.forgotIntro")}</p>
      <Form method="post" noValidate>
        <FormMessage message={failed ? t("auth.errorSummary") : undefined} />
        <Field
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={one(failed?.values, "email")}
          errors={failed?.fieldErrors.email}
        />
        <button type="submit" disabled={busy}>
          {t("auth.forgotSubmit")}
        </button>
      </Form>
    </section>
  );
}
