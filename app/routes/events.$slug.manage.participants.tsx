import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { managePageMeta } from "~/utils/manage-pages";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/Field";
import { countryName } from "../../server/core/countries";
import { stakeholderName } from "~/i18n/stored-names";
import { UserText } from "~/components/UserText";
import { useIsolatedT } from "~/i18n/isolate";
import { formatDateTime } from "~/utils/format";
import { asHttpError, formAction, readForm, requireConfirmed, type FormResult } from "~/utils/forms.server";
import { Confirm } from "~/components/Confirm";
import { actorOf } from "~/utils/session.server";
import type { loader as layoutLoader } from "./events.$slug.manage";

export const handle = { managePage: "participants" };
export const meta: MetaFunction = ({ matches }) => managePageMeta(matches, "participants");

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const [list, figures] = await Promise.all([
    context.core.participants.list(actor, eventId, query).catch(asHttpError),
    context.core.participants.figures(actor, eventId).catch(asHttpError),
  ]);
  return json({ ...list, categories: figures.byCategory.map((c) => ({ key: c.key, label: c.label })) });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const actor = await actorOf(context);
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    const id = String(form.get("registrationId") ?? "");
    const intent = String(form.get("intent"));
    if (intent === "checkin" || intent === "uncheckin")
      await context.core.registrations.setCheckIn(actor, eventId, id, intent === "checkin");
    else if (intent === "approve" || intent === "reject" || intent === "promote") {
      // Turning someone away frees their seat and emails them: it asks first.
      if (intent === "reject") requireConfirmed(form);
      await context.core.registrations.decide(actor, eventId, id, intent, context.publicUrl);
    }
    return json({ ok: true as const });
  });
}

export default function Participants() {
  const data = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<typeof layoutLoader>("routes/events.$slug.manage");
  const result = useActionData<FormResult | { ok: true }>();
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const q = data.query;
  const canManage = layout?.event.canManage ?? false;
  const canCheckIn = layout?.event.canCheckIn ?? false;
  const exportHref = `/events/${layout?.event.slug}/manage/participants.csv`;
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t("manage.participants.title")}</h2>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="f-q">{t("manage.participants.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={q.q} placeholder={t("manage.participants.searchHint")} />
        </div>
        <FilterSelect
          id="f-status"
          name="status"
          label={t("manage.participants.status")}
          value={q.status}
          any={t("manage.participants.any")}
          options={["confirmed", "pending", "waitlisted", "rejected", "cancelled"].map((s) => ({
            value: s,
            label: t(`events.registration.${s}`),
          }))}
        />
        <FilterSelect
          id="f-category"
          name="category"
          label={t("manage.participants.category")}
          value={q.category}
          any={t("manage.participants.any")}
          options={data.categories.map((c) => ({
            value: c.key,
            label: stakeholderName(i18n.language, c.key, c.label),
          }))}
        />
        <FilterSelect
          id="f-country"
          name="country"
          label={t("manage.participants.country")}
          value={q.country}
          any={t("manage.participants.any")}
          options={data.countries.map((c) => ({ value: c, label: countryName(c, i18n.language) }))}
        />
        <FilterSelect
          id="f-city"
          name="city"
          label={t("manage.participants.city")}
          value={q.city}
          any={t("manage.participants.any")}
          options={data.cities.map((c) => ({ value: c, label: c }))}
        />
        <FilterSelect
          id="f-sort"
          name="sort"
          label={t("manage.participants.sortBy")}
          value={q.sort}
          options={["registered", "name", "organisation", "category", "city", "country", "status"].map((s) => ({
            value: s,
            label: t(`manage.participants.sort.${s}`),
          }))}
        />
        <FilterSelect
          id="f-dir"
          name="dir"
          label={t("manage.participants.sortBy")}
          value={q.dir}
          hiddenLabel
          options={[
            { value: "asc", label: t("manage.participants.ascending") },
            { value: "desc", label: t("manage.participants.descending") },
          ]}
        />
        <button type="submit">{t("manage.participants.filter")}</button>
      </Form>
      <p className="toolbar">
        <span role="status">{t("manage.participants.shown", { count: data.rows.length, total: data.total })}</span>
        <a href={exportHref} className="button secondary" download>
          {t("manage.participants.export")}
        </a>
        {layout?.event.canRecord ? (
          <Link to={`/events/${layout.event.slug}/manage/add-participants`} className="button secondary">
            {t("organise.people.tab")}
          </Link>
        ) : null}
      </p>
      <FormMessage message={result && !result.ok ? result.message : undefined} />
      {data.rows.length === 0 ? (
        <p>{t("manage.participants.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="participants">
            <thead>
              <tr>
                <th scope="col">{t("manage.participants.name")}</th>
                <th scope="col">{t("manage.participants.organisation")}</th>
                <th scope="col">{t("manage.participants.place")}</th>
                <th scope="col">{t("manage.participants.status")}</th>
                <th scope="col">{t("manage.participants.registered")}</th>
                <th scope="col">{t("manage.participants.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <UserText text={r.name} />
                    <br />
                    <span className="muted">
                      <bdi>{r.email}</bdi>
                    </span>
                  </th>
                  <td>
                    <UserText text={r.organisation} />
                    <br />
                    <span className="muted">
                      <UserText text={stakeholderName(i18n.language, r.categoryKey, r.category)} />
                    </span>
                  </td>
                  <td>
                    {r.city && r.country ? (
                      ti("storedNames.place", { city: r.city, country: countryName(r.country, i18n.language) })
                    ) : (
                      <UserText text={r.city} />
                    )}
                  </td>
                  <td>
                    {t(`events.registration.${r.status}`)}
                    {r.waitlistPosition ? (
                      <span className="muted">
                        {" "}
                        {t("manage.participants.position", { position: r.waitlistPosition })}
                      </span>
                    ) : null}
                    {r.checkedIn ? <span className="badge">{t("manage.participants.checkedIn")}</span> : null}
                  </td>
                  <td>
                    <time dateTime={r.registeredAt}>
                      {formatDateTime(r.registeredAt, i18n.language, layout?.event.timezone ?? "UTC")}
                    </time>
                  </td>
                  <td>
                    <Form method="post" className="row-actions">
                      <input type="hidden" name="registrationId" value={r.id} />
                      {canManage && r.status === "pending" ? (
                        <ActionButton intent="approve" label={t("manage.participants.approve")} name={r.name} />
                      ) : null}
                      {canManage && r.status === "waitlisted" ? (
                        <ActionButton intent="promote" label={t("manage.participants.promote")} name={r.name} />
                      ) : null}
                      {canCheckIn && r.status === "confirmed" && !r.checkedIn ? (
                        <ActionButton intent="checkin" label={t("manage.participants.checkIn")} name={r.name} />
                      ) : null}
                      {canCheckIn && r.status === "confirmed" && r.checkedIn ? (
                        <ActionButton intent="uncheckin" label={t("manage.participants.undoCheckIn")} name={r.name} />
                      ) : null}
                    </Form>
                    {canManage && (r.status === "pending" || r.status === "waitlisted" || r.status === "confirmed") ? (
                      <Confirm
                        summary={`${t("manage.participants.reject")}…`}
                        summaryLabel={`${t("manage.participants.reject")}: ${r.name}`}
                        question={t("organise.confirm.rejectQuestion", { name: r.name })}
                        confirmLabel={t("organise.confirm.rejectYes")}
                        fields={{ intent: "reject", registrationId: r.id }}
                        danger
                      />
                    ) : null}
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

/** A row button whose accessible name says whom it acts on ("Approve Ana Costa"). */
function ActionButton({
  intent,
  label,
  name,
  danger,
}: {
  intent: string;
  label: string;
  name: string;
  danger?: boolean;
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={danger ? "small danger" : "small"}
      aria-label={`${label}: ${name}`}
    >
      {label}
    </button>
  );
}

function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  any,
  hiddenLabel,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  any?: string;
  hiddenLabel?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className={hiddenLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
