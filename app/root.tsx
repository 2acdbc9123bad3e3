import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, createI18n, directionOf, translateMessage } from "./i18n";
import { languageName } from "./utils/languages";
import { resolveLocale } from "./utils/locale.server";
import { useNonce } from "./utils/nonce";
import { useFocusOnNavigation } from "./utils/use-focus-on-navigation";
import { useIsolatedT } from "./i18n/isolate";
import { RequestIdMeta, useRequestId } from "./utils/request-id";
import tokens from "./styles/tokens.css";
import styles from "./styles/app.css";

// The design tokens first: every other style sheet, on every page, draws its colours and sizes from them.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tokens },
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Plenary" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = await context.user();
  const actor = user ? { userId: user.id, sessionId: user.sessionId } : null;
  const settings = await context.core.platform.settings();
  const platform = await context.core.platform.viewer(actor, settings);
  // The link shows only to whoever can open it: the administrator, while no SMTP server is set.
  const mailbox = platform.admin && context.core.devMailbox.enabled;
  const locale = await resolveLocale(request, user, settings.languages);
  return json({
    locale,
    user: user ? { id: user.id, name: user.name } : null,
    mailbox,
    admin: platform.admin,
    instance: { name: settings.name, languages: settings.languages },
  });
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const nonce = useNonce();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <RequestIdMeta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <Shell
            user={data?.user ?? null}
            mailbox={data?.mailbox ?? false}
            admin={data?.admin ?? false}
            instance={data?.instance ?? { name: "Plenary", languages: [...SUPPORTED_LOCALES] }}
            locale={locale}
          >
            {children}
          </Shell>
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({
  user,
  mailbox,
  admin,
  instance,
  locale,
  children,
}: {
  user: { id: string; name: string } | null;
  mailbox: boolean;
  admin: boolean;
  instance: { name: string; languages: string[] };
  locale: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  // Until React has hydrated, buttons that only act through script do nothing: the mark lets
  // styles and the end-to-end tests tell a page that answers from one that is only drawn.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {instance.name}
        </Link>
        <nav aria-label={t("app.nav.label")}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t("app.nav.home")}
              </NavLink>
            </li>
            {user ? (
              <li>
                <NavLink to="/my-events">{t("app.nav.myEvents")}</NavLink>
              </li>
            ) : null}
            {admin ? (
              <li>
                <NavLink to="/admin">{t("admin.nav")}</NavLink>
              </li>
            ) : null}
            {mailbox ? (
              <li>
                <NavLink to="/dev/mailbox">{t("app.nav.mailbox")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="account">
          {user ? (
            <>
              <Link to="/account" className="signed-in">
                {ti("app.nav.signedInAs", { name: user.name })}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t("app.nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login">{t("app.nav.signIn")}</Link>
              <Link to="/signup" className="button">
                {t("app.nav.signUp")}
              </Link>
            </>
          )}
        </div>
        {instance.languages.length > 1 ? <LanguageSwitcher locale={locale} offered={instance.languages} /> : null}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </>
  );
}

/** On every page. An explicit button, not a change of the select, switches: changing context on input would surprise screen-reader users (WCAG 3.2.2). */
function LanguageSwitcher({ locale, offered }: { locale: string; offered: string[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switcher" reloadDocument>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="language-select">{t("app.language")}</label>
      <select id="language-select" name="locale" defaultValue={locale}>
        {offered.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageName(l)}
          </option>
        ))}
      </select>
      <button type="submit" className="small secondary">
        {t("app.changeLanguage")}
      </button>
    </Form>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  const requestId = useRequestId();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page">
        <h1>{t("errors.notFoundTitle")}</h1>
        <p>{t("errors.notFoundBody")}</p>
        <Link to="/">{t("errors.backHome")}</Link>
      </section>
    );
  }
  if (isRouteErrorResponse(error) && error.status < 500) {
    const message = (error.data as { message?: unknown } | undefined)?.message;
    return (
      <section className="error-page">
        <h1>{error.status === 403 ? t("errors.forbiddenTitle") : t("a11y.requestTitle")}</h1>
        {message ? <p>{translateMessage(i18n, message)}</p> : null}
        <Link to="/">{t("errors.backHome")}</Link>
      </section>
    );
  }
  const unavailable = isRouteErrorResponse(error) && error.status === 503;
  return (
    <section className="error-page">
      <h1>{unavailable ? t("errors.unavailableTitle") : t("errors.serverTitle")}</h1>
      <p>{t("errors.serverBody")}</p>
      {requestId ? <p className="muted">{t("errors.reference", { id: requestId })}</p> : null}
      <Link to="/">{t("errors.backHome")}</Link>
    </section>
  );
}
