import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/Field";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { limitAttempt } from "~/utils/limits.server";
import { actorOf, startSession } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "invitation", {}, [{ name: "robots", content: "noindex" }]);

/** Participants go on to the registration form; team members to the event's management. */
const destination = (role: string, slug: string) =>
  role === "participant"
    ? `/events/${slug}#register`
    : role === "organiser" || role === "secretariat"
      ? `/events/${slug}/manage`
      : `/events/${slug}`;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const inv = await context.core.invitations.get(params.token ?? "").catch(asHttpError);
  // Someone reopening the invitation they accepted, still signed in, simply goes on.
  const user = await context.user();
  if (inv.status === "accepted" && user?.email === inv.email) throw redirect(destination(inv.role, inv.event.slug));
  return json({ title: inv.event.title, slug: inv.event.slug, role: inv.role, email: inv.email, status: inv.status });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const token = params.token ?? "";
    if (form.get("intent") === "link") {
      // An accepted invitation is not a key that opens the account again (links get forwarded):
      // it offers a one-time sign-in link, sent to the address it was sent to.
      const inv = await context.core.invitations.get(token);
      await limitAttempt(context, "passwordReset", inv.email);
      await context.core.auth.requestSignInLink(
        { email: inv.email },
        context.publicUrl,
        destination(inv.role, inv.event.slug),
      );
      return json({ ok: true as const, linkSent: true as const });
    }
    const actor = await actorOf(context);
    const r = await context.core.invitations.accept(actor, token);
    const to = destination(r.role, r.eventSlug);
    if (actor) return redirect(to);
    return startSession(context, await context.core.auth.createSession(r.userId), to);
  });
}

export default function Invitation() {
  const { t } = useTranslation();
  const inv = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true; linkSent: true }>();
  const failed = result && !result.ok ? result : undefined;
  return (
    <section className="narrow">
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.body", { title: inv.title, role: t(`events.role.${inv.role}`).toLowerCase() })}</p>
      <p className="muted">{t("invitation.sentTo", { email: inv.email })}</p>
      {inv.status === "accepted" ? (
        result?.ok ? (
          <p role="status" className="notice" data-testid="link-sent">
            {t("access.invitationLinkSent", { email: inv.email })}
          </p>
        ) : (
          <Form method="post">
            <p>{t("access.invitationAccepted")}</p>
            <FormMessage message={failed?.message} />
            <input type="hidden" name="intent" value="link" />
            <button type="submit">{t("access.linkSubmit")}</button>
          </Form>
        )
      ) : (
        <>
          {inv.role === "participant" ? <p>{t("invitation.participantNext")}</p> : null}
          <Form method="post">
            <FormMessage message={failed?.message} />
            <button type="submit">{t("invitation.accept")}</button>
          </Form>
        </>
      )}
    </section>
  );
}
