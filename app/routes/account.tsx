import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n";
import { FormMessage } from "~/components/Field";
import { formToObject } from "~/utils/form-data";
import { formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account");

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const hasPassword = await context.core.account.hasPassword(user.id);
  return json({ email: user.email, hasPassword });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    await context.core.account.deleteAccount(await actorOf(context), formToObject(form));
    // The session went with the account; the cookie is cleared too.
    return redirect("/?deleted=1", {
      headers: { "Set-Cookie": await context.sessionCookie.serialize("", { maxAge: 0 }) },
    });
  });
}

export default function Account() {
  const { t, i18n } = useTranslation();
  const { email, hasPassword } = useLoaderData<typeof loader>();
  const failed = useActionData<FormResult>();
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <p>{email}</p>
      <section className="card" aria-labelledby="data-title">
        <h2 id="data-title">{t("account.dataTitle")}</h2>
        <p>{t("account.dataIntro")}</p>
        <a href="/account/data.json" download>
          {t("account.download")}
        </a>
      </section>
      <section className="card" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("account.deleteTitle")}</h2>
        <p>{t("account.deleteIntro")}</p>
        {failed && !failed.ok ? <FormMessage message={failed.message} /> : null}
        <Form method="post" className="stack">
          {hasPassword ? (
            <div className="field">
              <label htmlFor="del-password">{t("account.password")}</label>
              <input
                id="del-password"
                name="password"
                type="password"
                autoComplete="current-password"
                aria-invalid={failed?.fieldErrors.password ? true : undefined}
                aria-describedby={failed?.fieldErrors.password ? "del-password-error" : undefined}
              />
              {failed?.fieldErrors.password ? (
                <p className="field-error" id="del-password-error">
                  {failed.fieldErrors.password.map((m) => translateMessage(i18n, m)).join(" ")}
                </p>
              ) : null}
            </div>
          ) : (
            <div className="field">
              <label htmlFor="del-email">{t("account.confirmEmail")}</label>
              <input
                id="del-email"
                name="confirmEmail"
                type="email"
                aria-invalid={failed?.fieldErrors.confirmEmail ? true : undefined}
                aria-describedby={failed?.fieldErrors.confirmEmail ? "del-email-error" : undefined}
              />
              {failed?.fieldErrors.confirmEmail ? (
                <p className="field-error" id="del-email-error">
                  {failed.fieldErrors.confirmEmail.map((m) => translateMessage(i18n, m)).join(" ")}
                </p>
              ) : null}
            </div>
          )}
          <button type="submit" className="danger">
            {t("account.delete")}
          </button>
        </Form>
      </section>
    </section>
  );
}
