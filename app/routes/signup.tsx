import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage } from "~/components/Field";
import { one } from "~/utils/form-data";
import { limitAttempt } from "~/utils/limits.server";
import { formAction, type FormResult, readForm } from "~/utils/forms.server";
import { resolveLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signUp");

export async function loader({ context }: LoaderFunctionArgs) {
  if (await context.user()) throw redirect("/my-events");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    await limitAttempt(context, "signUp", String(form.get("email") ?? ""));
    const locale = await resolveLocale(request, null, (await context.core.platform.settings()).languages);
    await context.core.auth.requestSignUp(
      { name: form.get("name"), email: form.get("email"), password: form.get("password") },
      context.publicUrl,
      locale,
    );
    // The same answer whether or not the email has an account: the email tells them which.
    return json({ ok: true as const });
  });
}

export default function SignUp() {
  const { t } = useTranslation();
  const answer = useActionData<FormResult | { ok: true }>();
  const busy = useNavigation().state !== "idle";
  if (answer?.ok) {
    return (
      <section className="narrow">
        <h1>{t("auth.signUpTitle")}</h1>
        <p role="status" data-testid="signup-sent">
          {t("auth.signUpSent")}
        </p>
      </section>
    );
  }
  const result = answer && !answer.ok ? answer : undefined;
  return (
    <section className="narrow">
      <h1>{t("auth.signUpTitle")}</h1>
      <Form method="post" noValidate>
        <FormMessage message={result ? (result.fieldErrors._form?.[0] ?? t("auth.errorSummary")) : undefined} />
        <Field
          label={t("auth.name")}
          name="name"
          autoComplete="name"
          required
          defaultValue={one(result?.values, "name")}
          errors={result?.fieldErrors.name}
        />
        <Field
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={one(result?.values, "email")}
          errors={result?.fieldErrors.email}
        />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("auth.passwordHint")}
          errors={result?.fieldErrors.password}
        />
        <button type="submit" disabled={busy}>
          {t("auth.signUpSubmit")}
        </button>
      </Form>
      <p>
        {t("auth.haveAccount")} <Link to="/login">{t("auth.signInSubmit")}</Link>
      </p>
    </section>
  );
}
