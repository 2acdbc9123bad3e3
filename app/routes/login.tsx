import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage } from "~/components/Field";
import { one } from "~/utils/form-data";
import { refuseIfBlocked, limitAttempt } from "~/utils/limits.server";
import { formAction, type FormResult, readForm } from "~/utils/forms.server";
import { safeRedirect, startSession } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn");

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (await context.user()) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (form.get("intent") === "link") {
    // "Email me a sign-in link": the same answer whether or not the email has an account.
    return formAction(form, async () => {
      await limitAttempt(context, "passwordReset", String(form.get("email") ?? ""));
      await context.core.auth.requestSignInLink(
        { email: form.get("email") },
        context.publicUrl,
        safeRedirect(form.get("redirectTo")),
      );
      return json({ ok: true as const, linkSent: true as const });
    });
  }
  return formAction(form, async () => {
    const email = String(form.get("email") ?? "");
    await refuseIfBlocked(context, "signInFailures", email);
    // Only failures count, so people who sign in often are never slowed down.
    const { session } = await context.core.auth
      .signIn({ email: form.get("email"), password: form.get("password") })
      .catch(async (e: unknown) => {
        await context.limits.take("signInFailures", { address: context.clientIp, email });
        throw e;
      });
    return startSession(context, session, safeRedirect(form.get("redirectTo")));
  });
}

export default function Login() {
  const { t } = useTranslation();
  const answer = useActionData<FormResult | { ok: true; linkSent: true }>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const linkSent = answer?.ok === true;
  const failed = answer && !answer.ok ? answer : undefined;
  const result = failed;
  return (
    <section className="narrow">
      <h1>{t("auth.signInTitle")}</h1>
      {linkSent ? (
        <p role="status" className="notice" data-testid="link-sent">
          {t("access.linkSent")}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <FormMessage message={result?.fieldErrors?._form?.[0] ?? (result ? t("auth.errorSummary") : undefined)} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
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
          autoComplete="current-password"
          required
          errors={result?.fieldErrors.password}
        />
        <button type="submit" disabled={busy}>
          {t("auth.signInSubmit")}
        </button>
        {/* No password needed: people who registered or accepted an invitation may never have chosen one. */}
        <p className="muted" id="link-hint">
          {t("access.linkIntro")}
        </p>
        <button
          type="submit"
          name="intent"
          value="link"
          className="secondary"
          formNoValidate
          disabled={busy}
          aria-describedby="link-hint"
        >
          {t("access.linkSubmit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth.forgot")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to="/signup">{t("auth.createOne")}</Link>
      </p>
    </section>
  );
}
