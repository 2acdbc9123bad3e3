import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/Field";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf, startSession } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "invitation", {}, [{ name: "robots", content: "noindex" }]);

export async function loader({ params, context }: LoaderFunctionArgs) {
  const inv = await context.core.invitations.get(params.token ?? "").catch(asHttpError);
  return json({ title: inv.event.title, slug: inv.event.slug, role: inv.role, email: inv.email, status: inv.status });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const actor = await actorOf(context);
    const r = await context.core.invitations.accept(actor, params.token ?? "");
    // Participants go on to the registration form; team members to the event's management.
    const to =
      r.role === "participant"
        ? `/events/${r.eventSlug}#register`
        : r.role === "organiser" || r.role === "secretariat"
          ? `/events/${r.eventSlug}/manage`
          : `/events/${r.eventSlug}`;
    if (actor) return redirect(to);
    return startSession(context, await context.core.auth.createSession(r.userId), to);
  });
}

export default function Invitation() {
  const { t } = useTranslation();
  const inv = useLoaderData<typeof loader>();
  const result = useActionData<FormResult>();
  return (
    <section className="narrow">
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.body", { title: inv.title, role: t(`events.role.${inv.role}`).toLowerCase() })}</p>
      <p className="muted">{t("invitation.sentTo", { email: inv.email })}</p>
      {inv.role === "participant" ? <p>{t("invitation.participantNext")}</p> : null}
      <Form method="post">
        <FormMessage message={result?.message} />
        <button type="submit">{t("invitation.accept")}</button>
      </Form>
    </section>
  );
}
