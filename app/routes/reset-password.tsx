import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage } from "~/components/Field";
import { formAction, type FormResult, readForm } from "~/utils/forms.server";
import { startSession } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "resetPassword");

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ token: new URL(request.url).searchParams.get("token") ?? "" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const { session } = await context.core.auth.resetPassword({
      token: form.get("token"),
      password: form.get("password"),
    });
    return startSession(context, session, "/my-events");
  });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<FormResult>();
  const busy = useNavigation().state !== "idle";
  const formError = result?.fieldErrors._form?.[0] ?? result?.fieldErrors.token?.[0];
  return (
    <section className="narrow">
      <h1>{t("auth.resetTitle")}</h1>
      <Form method="post" noValidate>
        <FormMessage message={formError ?? (result ? t("auth.errorSummary") : undefined)} />
        {formError ? (
          <p>
            <Link to="/forgot-password">{t("auth.forgotSubmit")}</Link>
          </p>
        ) : null}
        <input type="hidden" name="token" value={token} />
        <Field
          label={t("auth.newPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("auth.passwordHint")}
          errors={result?.fieldErrors.password}
        />
        <button type="submit" disabled={busy}>
          {t("auth.resetSubmit")}
        </button>
      </Form>
    </section>
  );
}
