import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { publicationDay } from "../../server/core/reports/publication";
import { sectionHtml } from "../../server/core/reports/render-html";
import { reportTexts } from "../../server/core/reports/texts";
import { asHttpError } from "~/utils/forms.server";
import { pageTitle, metaText } from "~/utils/meta";
import { UserText } from "~/components/UserText";
import { VersionLine } from "~/components/report/VersionLine";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...(data?.content ? pageTitle(matches, "report", { title: data.content.title }) : pageTitle(matches, "reportNone")),
  {
    name: "description",
    content: data?.content
      ? metaText(matches, "reportDescription", { title: data.content.title })
      : metaText(matches, "reportNone"),
  },
];

/** The published report, for anyone, without signing in. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const v = new URL(request.url).searchParams.get("version");
  const version = v && /^\d{1,6}$/.test(v) ? Number(v) : undefined;
  const r = await context.core.reports.published(params.slug ?? "", version).catch(asHttpError);
  // The same day the PDF, Word and Markdown files print: the event's timezone, the report's language.
  const locale = r.content?.locale ?? "en";
  const day = (iso: string) => publicationDay(iso, r.event.timezone, locale);
  const t = reportTexts(locale);
  return json({
    event: { slug: r.event.slug, title: r.event.title },
    withdrawn: r.withdrawn,
    versions: (r.versions as { number: number; changeNote: string; publishedAt: string }[]).map((v) => ({
      ...v,
      day: day(v.publishedAt),
    })),
    content: r.content && {
      title: r.content.title,
      version: r.content.version,
      published: r.content.publishedAt ? day(r.content.publishedAt) : null,
      changeNote: r.content.changeNote,
      locale: r.content.locale,
      sections: r.content.sections.map((s) => ({
        key: s.key,
        title: s.title,
        html: sectionHtml(s.markdown, r.content!.figures, t.chartTitle, {
          paragraphs: s.machine ?? [],
          label: t.machineDrafted,
        }),
      })),
    },
  });
}

export default function PublicReport() {
  const { t } = useTranslation();
  const { event, withdrawn, versions, content } = useLoaderData<typeof loader>();
  // Withdrawn, or not published yet: a notice instead of the report.
  if (withdrawn !== null || !content) {
    return (
      <article className="report-public">
        <UserText as="h1" text={event.title} />
        <div className="notice" role="status">
          {withdrawn !== null ? (
            <>
              <p>
                <strong>{t("report.withdrawnTitle")}</strong>
              </p>
              <UserText as="p" text={withdrawn} />
            </>
          ) : (
            <p>{t("report.notPublished")}</p>
          )}
        </div>
        {withdrawn === null ? (
          <p>
            <Link to={`/events/${event.slug}`}>{t("report.backToEvent")}</Link>
          </p>
        ) : null}
      </article>
    );
  }
  const latest = versions[0]?.number === content.version;
  return (
    // The report is in its own language; the page around it (links, labels) in the reader's. Only
    // the report's own parts carry its language, so an English report does not claim Arabic labels.
    <article className="report-public" data-testid="public-report" data-locale={content.locale}>
      <header>
        <p className="eyebrow">
          <Link to={`/events/${event.slug}`}>{t("report.summaryOf")}</Link>
        </p>
        <h1 lang={content.locale} dir="auto">
          {content.title}
        </h1>
        <p className="muted">
          {t("report.versionN", { n: content.version })} ·{" "}
          <time dateTime={content.published?.iso} data-testid="published-on" lang={content.locale}>
            {content.published?.text}
          </time>
          {content.changeNote ? (
            <>
              {` · ${t("report.changeNoteLabel")}: `}
              <UserText text={content.changeNote} />
            </>
          ) : null}
        </p>
        {!latest ? (
          <p className="notice">
            {t("report.olderVersion")} <Link to={`/events/${event.slug}/report`}>{t("report.readLatest")}</Link>
          </p>
        ) : null}
        <nav className="downloads no-print" aria-label={t("report.downloads")}>
          {(["pdf", "docx", "md", "csv"] as const).map((f) => (
            <a key={f} href={`/events/${event.slug}/report/files/${f}?version=${content.version}`} download>
              {t(`report.format.${f}`)}
            </a>
          ))}
          <Link to={`/events/${event.slug}/follow-up`}>{t("report.followUp")}</Link>
        </nav>
      </header>
      <div lang={content.locale} dir={content.locale === "ar" ? "rtl" : "ltr"} className="report-content">
        {content.sections.map((s) =>
          s.key === "cover" ? (
            <div key={s.key} className="report-body" dangerouslySetInnerHTML={{ __html: s.html }} />
          ) : (
            <section key={s.key} aria-labelledby={`r-${s.key}`}>
              <h2 id={`r-${s.key}`}>{s.title}</h2>
              <div className="report-body" dangerouslySetInnerHTML={{ __html: s.html }} />
            </section>
          ),
        )}
      </div>
      {versions.length > 1 ? (
        <footer className="no-print">
          <h2>{t("report.allVersions")}</h2>
          <ul>
            {versions.map((v) => (
              <VersionLine key={v.number} slug={event.slug} version={v} />
            ))}
          </ul>
        </footer>
      ) : null}
    </article>
  );
}
