import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/Field";
import { categoryName, translateServerMessage } from "~/i18n";
import { formatDueDate } from "~/utils/dates";
import { formatDateTime } from "~/utils/format";
import { UserText } from "~/components/UserText";
import { ActionHistory } from "~/components/ActionHistory";
import { useIsolatedT } from "~/i18n/isolate";
import { formToObject, one } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm, requireConfirmed } from "~/utils/forms.server";
import { Confirm } from "~/components/Confirm";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "actions", { title: data.event.title }) : [{ title: "Plenary" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const actor = await actorOf(context);
  const slug = params.slug ?? "";
  const url = new URL(request.url);
  const view = await context.core.actions.manage(actor, slug).catch(asHttpError);
  const prefill = await context.core.actions
    .draftFrom(actor, slug, { clusterId: url.searchParams.get("cluster"), noteId: url.searchParams.get("note") })
    .catch(asHttpError);
  return json({ ...view, prefill, statuses: context.core.actions.statuses });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const actor = await actorOf(context);
    const slug = params.slug ?? "";
    const intent = String(form.get("intent") ?? "");
    const id = String(form.get("itemId") ?? "");
    if (intent === "create") await context.core.actions.create(actor, slug, formToObject(form));
    else if (intent === "update") await context.core.actions.update(actor, slug, id, formToObject(form));
    else if (intent === "delete") {
      requireConfirmed(form);
      await context.core.actions.remove(actor, slug, id);
    } else
      return json({ ok: false as const, message: "Unknown action.", fieldErrors: {}, values: {} }, { status: 400 });
    return json({ ok: true as const, intent, itemId: id });
  });
}

type Item = {
  id: string;
  title: string;
  description: string;
  owner: string;
  ownerEmail: string;
  dueDate: string;
  status: string;
};

export default function ManageActions() {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const { event, items, clusters, prefill, statuses } = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true; intent: string; itemId: string }>();
  const failed = result && !result.ok ? result : undefined;
  const creating = one(failed?.values, "intent") === "create" ? failed : undefined;
  return (
    <section aria-labelledby="actions-title">
      <p className="eyebrow">
        <Link to={`/events/${event.slug}`}>
          <UserText text={event.title} />
        </Link>
      </p>
      <h1 id="actions-title">{t("actions.manageTitle")}</h1>
      <p>
        <Link to={`/events/${event.slug}/follow-up`}>{t("actions.publicPage")}</Link>
      </p>
      {failed ? <FormMessage message={failed.message} /> : null}

      <details className="card" open={!!prefill || !!creating || items.length === 0}>
        <summary>{t("actions.new")}</summary>
        <Form method="post" className="stack">
          <ItemFields
            item={{
              title: one(creating?.values, "title") ?? prefill?.title ?? "",
              description: "",
              owner: one(creating?.values, "owner") ?? "",
              ownerEmail: one(creating?.values, "ownerEmail") ?? "",
              dueDate: one(creating?.values, "dueDate") ?? "",
              status: "proposed",
            }}
            statuses={statuses}
            errors={creating?.fieldErrors}
            prefix="new"
          />
          <div className="field">
            <label htmlFor="new-cluster">{t("actions.fromClusterLabel")}</label>
            <select id="new-cluster" name="clusterId" defaultValue={prefill?.clusterId ?? ""}>
              <option value="">{t("actions.noCluster")}</option>
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {t("organise.actions.clusterOption", {
                    label: c.label,
                    category: c.category ? categoryName(i18n.language, c.category) : t("board.anyCategory"),
                    room: c.round ? `${c.room}, ${c.round}` : c.room,
                  })}
                </option>
              ))}
            </select>
          </div>
          {prefill?.noteId ? <input type="hidden" name="noteId" value={prefill.noteId} /> : null}
          <button name="intent" value="create">
            {t("actions.create")}
          </button>
        </Form>
      </details>

      {items.length === 0 ? (
        <p>{t("actions.none")}</p>
      ) : (
        <ul className="action-list" data-testid="action-items">
          {items.map((i) => {
            const err = failed && one(failed.values, "itemId") === i.id ? failed : undefined;
            return (
              <li key={i.id} className="card">
                <h2 className="h3">
                  <UserText text={i.title} />{" "}
                  <span className={`badge status-${i.status}`}>{t(`actions.status.${i.status}`)}</span>
                </h2>
                <p className="action-meta" data-testid="action-meta">
                  <span>{i.owner ? ti("actions.ownerIs", { owner: i.owner }) : t("organise.actions.noOwner")}</span>
                  {" · "}
                  <span>
                    {i.dueDate
                      ? t("actions.dueOn", { date: formatDueDate(i.dueDate, i18n.language) })
                      : t("actions.noDue")}
                  </span>
                </p>
                {i.from ? <p className="muted">{ti("actions.fromCluster", { cluster: i.from })}</p> : null}
                {i.awaitingReview ? (
                  <p className="muted">
                    {t("proposals.awaitingReview")}{" "}
                    {i.suggestedOwner ? ti("reportWriting.suggestedOwner", { owner: i.suggestedOwner }) : null}
                  </p>
                ) : null}
                <details>
                  <summary>{t("actions.edit")}</summary>
                  <Form method="post" className="stack">
                    <input type="hidden" name="itemId" value={i.id} />
                    <ItemFields item={i} statuses={statuses} errors={err?.fieldErrors} prefix={i.id} />
                    <div className="field">
                      <label htmlFor={`${i.id}-progress`}>{t("actions.progressNote")}</label>
                      <textarea id={`${i.id}-progress`} name="progress" rows={2} maxLength={2000} />
                    </div>
                    <div className="inline-form">
                      <button name="intent" value="update">
                        {t("actions.save")}
                      </button>
                    </div>
                  </Form>
                  <Confirm
                    summary={`${t("actions.delete")}…`}
                    summaryLabel={`${t("actions.delete")}: ${i.title}`}
                    question={t("organise.confirm.deleteActionQuestion", { title: i.title })}
                    confirmLabel={t("organise.confirm.deleteYes")}
                    fields={{ intent: "delete", itemId: i.id }}
                    danger
                  />
                </details>
                <details>
                  <summary>{t("actions.history", { count: i.history.length })}</summary>
                  <ol data-testid="action-history">
                    {i.history.map((h, n) => (
                      <li key={n}>
                        <time dateTime={h.at}>{formatDateTime(h.at, i18n.language, event.timezone)}</time>
                        {" · "}
                        <ActionHistory by={h.by} changes={h.changes} note={h.note} />
                      </li>
                    ))}
                  </ol>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ItemFields({
  item,
  statuses,
  errors,
  prefix,
}: {
  item: Omit<Item, "id">;
  statuses: readonly string[];
  errors?: Record<string, string[]>;
  prefix: string;
}) {
  const { t, i18n } = useTranslation();
  const field = (name: keyof Omit<Item, "id" | "status" | "description">, label: string, type = "text") => (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      <input
        id={`${prefix}-${name}`}
        name={name}
        type={type}
        defaultValue={item[name]}
        aria-invalid={errors?.[name] ? true : undefined}
        aria-describedby={errors?.[name] ? `${prefix}-${name}-error` : undefined}
      />
      {errors?.[name] ? (
        <p className="field-error" id={`${prefix}-${name}-error`}>
          {errors[name]!.map((e) => translateServerMessage(i18n, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
  return (
    <>
      {field("title", t("actions.what"))}
      <div className="field">
        <label htmlFor={`${prefix}-description`}>{t("actions.description")}</label>
        <textarea
          id={`${prefix}-description`}
          name="description"
          rows={2}
          defaultValue={item.description}
          maxLength={4000}
        />
      </div>
      {field("owner", t("actions.owner"))}
      {field("ownerEmail", t("actions.ownerEmail"), "email")}
      {field("dueDate", t("actions.due"), "date")}
      <div className="field">
        <label htmlFor={`${prefix}-status`}>{t("actions.statusLabel")}</label>
        <select id={`${prefix}-status`} name="status" defaultValue={item.status}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`actions.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
