import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PLATFORM_ROLES } from "../../server/core/platform/rules";
import { Confirm } from "~/components/Confirm";
import { FormMessage } from "~/components/Field";
import { asHttpError, formAction, requireConfirmed, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";
import { msg } from "../../server/core/i18n/message";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await actorOf(context);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const list = await context.core.platform.listUsers(actor, query).catch(asHttpError);
  const me = await context.user();
  return json({ ...list, me: me?.id ?? null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const actor = await actorOf(context);
    const userId = String(form.get("userId") ?? "");
    const p = context.core.platform;
    switch (form.get("intent")) {
      case "role":
        await p.setRole(actor, userId, { role: form.get("role") });
        break;
      case "disable":
        requireConfirmed(form);
        await p.setDisabled(actor, userId, true);
        break;
      case "enable":
        await p.setDisabled(actor, userId, false);
        break;
      default:
        return json(
          { ok: false as const, message: msg("common.unknownAction"), fieldErrors: {}, values: {} },
          { status: 400 },
        );
    }
    return json({ ok: true as const });
  });
}

export default function Users() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true }>();
  const page = (n: number) => {
    const p = new URLSearchParams({ q: data.query.q, role: data.query.role ?? "", page: String(n) });
    return `/admin/users?${p}`;
  };
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">{t("admin.users.title")}</h2>
      <p className="muted">{t("admin.users.intro")}</p>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="users-q">{t("admin.users.search")}</label>
          <input id="users-q" name="q" type="search" defaultValue={data.query.q} />
        </div>
        <div className="field">
          <label htmlFor="users-role">{t("admin.users.role")}</label>
          <select id="users-role" name="role" defaultValue={data.query.role ?? ""}>
            <option value="">{t("admin.users.anyRole")}</option>
            {PLATFORM_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("admin.users.filter")}</button>
      </Form>
      <p role="status">{t("admin.users.count", { count: data.total })}</p>
      <FormMessage message={result && !result.ok ? result.message : undefined} />
      <div className="table-scroll">
        <table className="data" data-testid="users">
          <thead>
            <tr>
              <th scope="col">{t("admin.users.person")}</th>
              <th scope="col">{t("admin.users.since")}</th>
              <th scope="col">{t("admin.users.role")}</th>
              <th scope="col">{t("admin.users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.name}
                  <br />
                  <span className="muted">{u.email}</span>
                  {u.organises ? (
                    <>
                      <br />
                      <span className="muted">{t("admin.users.organises", { count: u.organises })}</span>
                    </>
                  ) : null}
                </th>
                <td>
                  <time dateTime={u.createdAt}>{new Date(u.createdAt).toLocaleDateString(i18n.language)}</time>
                  {!u.hasPassword ? (
                    <>
                      <br />
                      <span className="muted">{t("admin.users.noPassword")}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="role" />
                    <input type="hidden" name="userId" value={u.id} />
                    <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                      {t("admin.users.roleOf", { name: u.name })}
                    </label>
                    <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                      {PLATFORM_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`admin.roles.${r}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="small" aria-label={t("admin.users.setRoleOf", { name: u.name })}>
                      {t("admin.users.setRole")}
                    </button>
                  </Form>
                </td>
                <td>
                  {u.disabled ? <span className="badge">{t("admin.users.disabled")}</span> : t("admin.users.active")}{" "}
                  {u.id === data.me ? null : u.disabled ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="enable" />
                      <input type="hidden" name="userId" value={u.id} />
                      <button
                        type="submit"
                        className="small secondary"
                        aria-label={t("admin.users.enableOf", { name: u.name })}
                      >
                        {t("admin.users.enable")}
                      </button>
                    </Form>
                  ) : (
                    <Confirm
                      summary={t("admin.users.disable")}
                      summaryLabel={t("admin.users.disableOf", { name: u.name })}
                      question={t("admin.users.disableQuestion", { name: u.name })}
                      confirmLabel={t("admin.users.disableConfirm")}
                      fields={{ intent: "disable", userId: u.id }}
                      danger
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.pages > 1 ? (
        <nav aria-label={t("admin.users.pages")} className="inline-actions">
          {data.query.page > 1 ? <Link to={page(data.query.page - 1)}>{t("admin.users.previous")}</Link> : null}
          <span>{t("admin.users.pageOf", { page: data.query.page, pages: data.pages })}</span>
          {data.query.page < data.pages ? <Link to={page(data.query.page + 1)}>{t("admin.users.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
