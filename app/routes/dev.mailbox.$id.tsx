import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mail");

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const mail = await context.core.devMailbox.get(await actorOf(context), params.id ?? "").catch(asHttpError);
  const attachments = mail.attachments.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
  }));
  return json({
    mail: { id: mail.id, to: mail.to, subject: mail.subject, text: mail.text, createdAt: mail.createdAt },
    attachments,
  });
}

export default function MailView() {
  const { mail, attachments } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article>
      <p>
        <Link to="/dev/mailbox">{t("mailbox.back")}</Link>
      </p>
      <h1>{mail.subject}</h1>
      <p>
        {t("mailbox.to")}: {mail.to}
      </p>
      <pre className="mail-body" data-testid="mail-body">
        {mail.text.split(/(https?:\/\/[^\s]+)/g).map((part, i) =>
          // Odd parts are the URLs the split captured; everything stays text, never HTML.
          i % 2 === 1 ? (
            <a key={i} href={part}>
              {part}
            </a>
          ) : (
            part
          ),
        )}
      </pre>
      {attachments.length ? (
        <>
          <h2>{t("mailbox.attachments")}</h2>
          <ul>
            {attachments.map((a, i) => (
              <li key={a.filename}>
                <a href={`/dev/mailbox/${mail.id}/attachments/${i}`} download={a.filename}>
                  {a.filename}
                </a>{" "}
                <span className="muted">({a.contentType})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
