import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mailbox");

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const to = new URL(request.url).searchParams.get("to") ?? undefined;
  const mails = await context.core.devMailbox.list(await actorOf(context), to).catch(asHttpError);
  return json({ mails });
}

export default function Mailbox() {
  const { mails } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <section>
      <h1>{t("mailbox.title")}</h1>
      <p>{t("mailbox.intro")}</p>
      {mails.length ? (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("mailbox.to")}</th>
              <th scope="col">{t("mailbox.subject")}</th>
              <th scope="col">{t("mailbox.sent")}</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id}>
                <td>{m.to}</td>
                <td>
                  <Link to={`/dev/mailbox/${m.id}`}>{m.subject}</Link>
                </td>
                <td>
                  <time dateTime={m.createdAt}>
                    {new Date(m.createdAt).toLocaleString(i18n.language, { timeZone: "UTC" })} UTC
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("mailbox.empty")}</p>
      )}
    </section>
  );
}
