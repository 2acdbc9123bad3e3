import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const entries = await context.core.account.auditLog(await actorOf(context), eventId).catch(asHttpError);
  return json({ entries });
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t("audit.title")}</h2>
      <p className="muted">{t("audit.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{e.at.slice(0, 16).replace("T", " ")}</time>
                  </td>
                  <td>{e.who}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td className="details">{e.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
