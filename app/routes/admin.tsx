import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin");

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const actor = await actorOf(context);
  await context.core.platform.requireAdmin(actor).catch(asHttpError);
  return json({ mailbox: context.core.devMailbox.enabled });
}

/** The platform administrator's pages: the instance, its accounts, and the dev mailbox while no SMTP is set. */
export default function AdminLayout() {
  const { mailbox } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="manage">
      <h1>{t("admin.title")}</h1>
      <nav aria-label={t("admin.navLabel")} className="tabs">
        <ul>
          <li>
            <NavLink to="/admin" end>
              {t("admin.instance.tab")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/users">{t("admin.users.tab")}</NavLink>
          </li>
          {mailbox ? (
            <li>
              <NavLink to="/dev/mailbox">{t("app.nav.mailbox")}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
