import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditSentence } from "~/components/AuditSentence";
import { asHttpError } from "~/utils/forms.server";
import { formatDateTime } from "~/utils/format";
import { managePageMeta } from "~/utils/manage-pages";
import { actorOf, requireUser } from "~/utils/session.server";
import type { loader as layoutLoader } from "./events.$slug.manage";

export const handle = { managePage: "audit" };
export const meta: MetaFunction = ({ matches }) => managePageMeta(matches, "audit");

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const entries = await context.core.account.auditLog(await actorOf(context), eventId).catch(asHttpError);
  return json({ entries });
}

export default function AuditLog() {
  const { t, i18n } = useTranslation();
  const { entries } = useLoaderData<typeof loader>();
  const zone = useRouteLoaderData<typeof layoutLoader>("routes/events.$slug.manage")?.event.timezone ?? "UTC";
  return (
    <section aria-labelledby="audit-heading">
      <p className="muted" id="audit-heading">
        {t("audit.intro")}
      </p>
      {entries.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="audit-log">
            <caption className="muted">{t("auditLog.timesIn", { tz: zone })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("auditLog.what")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>
                    <time dateTime={e.at}>{formatDateTime(e.at, i18n.language, zone)}</time>
                  </td>
                  <td>
                    {e.actor ? (
                      <>
                        <bdi>{e.actor.name}</bdi>
                        <br />
                        <span className="muted">
                          <bdi>{e.actor.email}</bdi>
                        </span>
                      </>
                    ) : (
                      t("auditLog.plenary")
                    )}
                  </td>
                  <td className="details">
                    <AuditSentence action={e.action} details={e.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
