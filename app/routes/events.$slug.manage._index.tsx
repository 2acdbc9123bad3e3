import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { managePageMeta } from "~/utils/manage-pages";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart, LineChart } from "~/components/charts";
import { countryName } from "../../server/core/countries";
import { stakeholderName } from "~/i18n/stored-names";
import { formatNumber } from "~/utils/format";
import { asHttpError, formAction, readForm, requireConfirmed, type FormResult } from "~/utils/forms.server";
import { FormMessage } from "~/components/Field";
import { Confirm } from "~/components/Confirm";
import { actorOf } from "~/utils/session.server";
import type { loader as layoutLoader } from "./events.$slug.manage";

export const handle = { managePage: "overview" };
export const meta: MetaFunction = ({ matches }) => managePageMeta(matches, "overview");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  return json({ figures: await context.core.participants.figures(actor, eventId).catch(asHttpError) });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    // Publishing, unpublishing, cancelling and closing change what the public sees: each asks first.
    requireConfirmed(form);
    await context.core.manage.setStatus(await actorOf(context), eventId, String(form.get("status")));
    return json({ ok: true as const });
  });
}

export default function Overview() {
  const { figures: f } = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true }>();
  const layout = useRouteLoaderData<typeof layoutLoader>("routes/events.$slug.manage");
  const { t, i18n } = useTranslation();
  const event = layout?.event;
  const pct = (x: number | null) =>
    x === null ? "—" : new Intl.NumberFormat(i18n.language, { style: "percent" }).format(x);
  const n = (x: number) => formatNumber(x, i18n.language);
  const stats: [string, string][] = [
    [t("manage.figures.registered"), n(f.active)],
    [t("manage.figures.confirmed"), n(f.byStatus.confirmed ?? 0)],
    [t("manage.figures.pending"), n(f.byStatus.pending ?? 0)],
    [t("manage.figures.waitlisted"), n(f.byStatus.waitlisted ?? 0)],
    [t("manage.figures.capacity"), f.capacity ? `${n(f.seatsTaken)} / ${n(f.capacity)}` : n(f.seatsTaken)],
    [t("manage.figures.checkedIn"), n(f.checkedIn)],
    [t("manage.figures.attendance"), pct(f.attendanceRate)],
    [t("manage.figures.organisations"), n(f.organisations)],
  ];
  return (
    <>
      {event?.canManage ? (
        <div className="inline-actions" data-testid="status-actions">
          <FormMessage message={result && !result.ok ? result.message : undefined} />
          {event.status !== "published" ? (
            <Confirm
              summary={t("organise.confirm.publishEvent")}
              question={t("organise.confirm.publishEventQuestion")}
              confirmLabel={t("organise.confirm.publishEventYes")}
              fields={{ status: "published" }}
            />
          ) : (
            <Confirm
              summary={t("organise.confirm.unpublish")}
              question={t("organise.confirm.unpublishQuestion")}
              confirmLabel={t("organise.confirm.unpublishYes")}
              fields={{ status: "draft" }}
            />
          )}
          {event.status === "published" && event.ended ? (
            <Confirm
              summary={t("organise.confirm.closeEvent")}
              question={t("organise.confirm.closeEventQuestion")}
              confirmLabel={t("organise.confirm.closeEventYes")}
              fields={{ status: "closed" }}
            />
          ) : null}
          {event.status !== "cancelled" && event.status !== "closed" ? (
            <Confirm
              summary={t("organise.confirm.cancelEvent")}
              question={t("organise.confirm.cancelEventQuestion")}
              confirmLabel={t("organise.confirm.cancelEventYes")}
              fields={{ status: "cancelled" }}
              danger
            />
          ) : null}
        </div>
      ) : null}
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("manage.figures.title")}</h2>
        <p className="muted">{t("manage.figures.live")}</p>
        <dl className="stats" data-testid="stats">
          {stats.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {f.active === 0 ? (
          <p>{t("manage.figures.none")}</p>
        ) : (
          <div className="charts">
            <LineChart
              title={t("manage.figures.overTime")}
              points={f.overTime}
              labelHeader={t("manage.figures.date")}
              valueLabel={t("manage.figures.total")}
            />
            <BarChart
              title={t("manage.figures.byCategory")}
              data={f.byCategory.map((c) => ({
                label: stakeholderName(i18n.language, c.key, c.label),
                value: c.count,
              }))}
              labelHeader={t("manage.participants.category")}
              valueLabel={t("manage.figures.count")}
            />
            <BarChart
              title={t("manage.figures.byCountry")}
              data={f.byCountry.map((c) => ({ label: countryName(c.country, i18n.language), value: c.count }))}
              labelHeader={t("manage.participants.country")}
              valueLabel={t("manage.figures.count")}
            />
            <BarChart
              title={t("manage.figures.byCity")}
              data={f.byCity.slice(0, 15).map((c) => ({ label: `${c.city} (${c.country})`, value: c.count }))}
              labelHeader={t("manage.participants.city")}
              valueLabel={t("manage.figures.count")}
            />
          </div>
        )}
      </section>
    </>
  );
}
