import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { diffLines } from "diff";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { sectionHtml } from "../../server/core/reports/render-html";
import { REPORT_LOCALES, reportTexts } from "../../server/core/reports/texts";
import { languageName } from "~/utils/languages";
import { FormMessage } from "~/components/Field";
import { formToObject } from "~/utils/form-data";
import { asHttpError, formAction, requireConfirmed, type FormResult } from "~/utils/forms.server";
import { Confirm } from "~/components/Confirm";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "reportEdit", { title: data.event.title }) : [{ title: "Plenary" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const view = await context.core.reports.editor(await actorOf(context), params.slug ?? "").catch(asHttpError);
  const resources = await context.core.reports.resources(await actorOf(context), params.slug ?? "").catch(asHttpError);
  return json({
    ...view,
    resources,
    report: view.report && {
      ...view.report,
      sections: view.report.sections.map((s) => ({
        ...s,
        html: sectionHtml(s.markdown, view.report!.figures, reportTexts(view.report!.locale).chartTitle),
      })),
    },
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const slug = params.slug ?? "";
  return formAction(form, async () => {
    const actor = await actorOf(context);
    const r = context.core.reports;
    const intent = String(form.get("intent") ?? "");
    const input = formToObject(form);
    switch (intent) {
      case "preview":
        return json({
          ok: true as const,
          intent,
          key: String(form.get("key")),
          html: sectionHtml(
            String(form.get("markdown") ?? ""),
            (await r.editor(actor, slug)).report?.figures ?? { categories: [] },
          ),
        });
      case "generate":
        await r.generate(actor, slug);
        break;
      case "save":
        await r.editSection(actor, slug, input);
        break;
      case "take":
      case "leave":
        await r.resolveProposal(actor, slug, { key: input.key, take: intent });
        break;
      case "comment":
        await r.comment(actor, slug, input);
        break;
      case "locale":
        await r.setLocale(actor, slug, input);
        break;
      case "submit":
      case "approve":
      case "reopen":
        await r.transition(actor, slug, intent);
        break;
      case "publish":
        requireConfirmed(form);
        await r.publish(actor, slug, input);
        break;
      case "withdraw":
        requireConfirmed(form);
        await r.withdraw(actor, slug, input);
        break;
      case "add-resource":
        await r.addResource(actor, slug, input);
        break;
      case "remove-resource":
        await r.removeResource(actor, slug, String(form.get("resourceId") ?? ""));
        break;
      default:
        return json({ ok: false as const, message: "Unknown action.", fieldErrors: {}, values: {} }, { status: 400 });
    }
    return json({ ok: true as const, intent });
  });
}

type Result = FormResult | { ok: true; intent: string; key?: string; html?: string };

export default function ReportEditor() {
  const { t } = useTranslation();
  const { event, can, report, resources } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : undefined;
  const drafts = ["pdf", "docx", "md", "csv"] as const;

  return (
    <section className="report-editor" aria-labelledby="report-title">
      <p className="eyebrow">
        <Link to={`/events/${event.slug}`}>{event.title}</Link>
      </p>
      <h1 id="report-title">{t("report.editorTitle")}</h1>
      {failed ? <FormMessage message={failed.message} /> : null}
      {!report ? (
        <div className="card">
          <p>{t("report.none")}</p>
          {can.edit ? (
            <Form method="post">
              <button name="intent" value="generate" disabled={busy}>
                {t("report.generate")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : (
        <>
          <div className="card report-status">
            <p>
              {t("report.statusLabel")}{" "}
              <strong data-testid="report-status" data-status={report.status}>
                {t(`report.status.${report.status}`)}
              </strong>
              {report.versions[0] ? (
                <>
                  {" "}
                  · <Link to={`/events/${event.slug}/report`}>{t("report.publicPage")}</Link>
                </>
              ) : null}
            </p>
            {report.withdrawnNotice && report.status === "withdrawn" ? (
              <p className="notice">{report.withdrawnNotice}</p>
            ) : null}
            {can.edit ? (
              <Form method="post" className="inline-form">
                <div className="field">
                  <label htmlFor="report-locale">{t("report.language")}</label>
                  <select id="report-locale" name="locale" defaultValue={report.locale}>
                    {REPORT_LOCALES.map((l) => (
                      <option key={l} value={l} lang={l}>
                        {languageName(l)}
                      </option>
                    ))}
                  </select>
                </div>
                <button name="intent" value="locale" className="secondary" disabled={busy}>
                  {t("report.regenerateIn")}
                </button>
              </Form>
            ) : null}
            <div className="inline-form">
              {can.edit ? (
                <Form method="post">
                  <button name="intent" value="generate" className="secondary" disabled={busy}>
                    {t("report.regenerate")}
                  </button>
                </Form>
              ) : null}
              {can.edit && report.status === "draft" ? (
                <Form method="post">
                  <button name="intent" value="submit" disabled={busy}>
                    {t("report.submit")}
                  </button>
                </Form>
              ) : null}
              {can.publish && report.status === "in_review" ? (
                <Form method="post">
                  <button name="intent" value="approve" disabled={busy}>
                    {t("report.approve")}
                  </button>
                </Form>
              ) : null}
              {can.edit && (report.status === "in_review" || report.status === "approved") ? (
                <Form method="post">
                  <button name="intent" value="reopen" className="secondary" disabled={busy}>
                    {t("report.reopen")}
                  </button>
                </Form>
              ) : null}
            </div>
            {can.publish && report.status === "approved" ? (
              <Confirm
                summary={`${report.versions.length ? t("report.publishCorrection") : t("report.publish")}…`}
                question={t("organise.confirm.publishReportQuestion")}
                confirmLabel={t("organise.confirm.publishReportYes")}
                fields={{ intent: "publish" }}
              >
                <div className="field">
                  <label htmlFor="change-note">
                    {report.versions.length ? t("report.changeNote") : t("report.changeNoteOptional")}
                  </label>
                  <input
                    id="change-note"
                    name="changeNote"
                    maxLength={500}
                    aria-invalid={failed?.fieldErrors.changeNote ? true : undefined}
                  />
                  {failed?.fieldErrors.changeNote ? (
                    <p className="field-error">{failed.fieldErrors.changeNote.join(" ")}</p>
                  ) : null}
                </div>
              </Confirm>
            ) : null}
            {can.publish && report.versions.length && report.status !== "withdrawn" ? (
              <Confirm
                summary={`${t("report.withdraw")}…`}
                question={t("organise.confirm.withdrawQuestion")}
                confirmLabel={t("organise.confirm.withdrawYes")}
                fields={{ intent: "withdraw" }}
                danger
              >
                <div className="field">
                  <label htmlFor="withdraw-notice">{t("report.withdrawNotice")}</label>
                  <textarea id="withdraw-notice" name="notice" rows={2} maxLength={1000} />
                </div>
              </Confirm>
            ) : null}
            <p>
              {t("report.downloadDraft")}{" "}
              {drafts.map((f) => (
                <a
                  key={f}
                  href={`/events/${event.slug}/report/files/${f}?version=draft`}
                  download
                  className="download-link"
                >
                  {f.toUpperCase()}
                </a>
              ))}
            </p>
            {report.versions.length ? (
              <details>
                <summary>{t("report.versions", { count: report.versions.length })}</summary>
                <ul>
                  {report.versions.map((v) => (
                    <li key={v.number}>
                      <Link to={`/events/${event.slug}/report?version=${v.number}`}>
                        {t("report.versionN", { n: v.number })}
                      </Link>{" "}
                      · {v.publishedAt.slice(0, 10)}
                      {v.changeNote ? ` · ${v.changeNote}` : ""}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>

          {report.sections.map((s) => (
            <SectionEditor
              key={s.key}
              section={s}
              comments={report.comments.filter((c) => c.key === s.key)}
              canEdit={can.edit}
              canComment={can.comment}
              failed={failed}
            />
          ))}

          {can.edit ? (
            <section className="card" aria-labelledby="resources-heading">
              <h2 id="resources-heading">{t("report.resourcesTitle")}</h2>
              <p className="muted">{t("report.resourcesHint")}</p>
              <ul>
                {resources.map((r) => (
                  <li key={r.id} className="inline-form">
                    <a href={r.url} rel="noopener noreferrer nofollow">
                      {r.title}
                    </a>
                    <Form method="post">
                      <input type="hidden" name="resourceId" value={r.id} />
                      <button
                        name="intent"
                        value="remove-resource"
                        className="small secondary"
                        aria-label={`${t("report.removeResource")}: ${r.title}`}
                      >
                        {t("report.removeResource")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
              <Form method="post" className="inline-form">
                <div className="field">
                  <label htmlFor="res-title">{t("report.resourceTitle")}</label>
                  <input id="res-title" name="title" maxLength={200} />
                </div>
                <div className="field">
                  <label htmlFor="res-url">{t("report.resourceUrl")}</label>
                  <input id="res-url" name="url" type="url" maxLength={2000} />
                </div>
                <button name="intent" value="add-resource">
                  {t("report.addResource")}
                </button>
              </Form>
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}

type SectionView = {
  key: string;
  title: string;
  markdown: string;
  html: string;
  edited: boolean;
  pendingMarkdown: string | null;
};

function SectionEditor({
  section: s,
  comments,
  canEdit,
  canComment,
  failed,
}: {
  section: SectionView;
  comments: { id: string; body: string; author: string; at: string }[];
  canEdit: boolean;
  canComment: boolean;
  failed?: FormResult;
}) {
  const { t } = useTranslation();
  const preview = useFetcher<Result>();
  const formRef = useRef<HTMLFormElement>(null);
  const previewHtml = preview.data && preview.data.ok && "html" in preview.data ? preview.data.html : null;
  const errors = failed && failed.values.key === s.key ? failed.fieldErrors.markdown : undefined;
  return (
    <section className="card report-section" aria-labelledby={`sec-${s.key}`} data-testid={`section-${s.key}`}>
      <h2 id={`sec-${s.key}`}>
        {s.title} {s.edited ? <span className="badge">{t("report.edited")}</span> : null}
      </h2>
      {s.pendingMarkdown !== null && canEdit ? (
        <div className="notice proposal" data-testid={`proposal-${s.key}`}>
          <p>{t("report.proposal")}</p>
          <pre className="diff">
            {diffLines(s.markdown, s.pendingMarkdown).map((part, i) => (
              <span key={i} className={part.added ? "diff-added" : part.removed ? "diff-removed" : undefined}>
                {part.added ? (
                  <span className="visually-hidden">{t("report.added")} </span>
                ) : part.removed ? (
                  <span className="visually-hidden">{t("report.removed")} </span>
                ) : null}
                {part.value}
              </span>
            ))}
          </pre>
          <Form method="post" className="inline-form">
            <input type="hidden" name="key" value={s.key} />
            <button name="intent" value="take" className="small">
              {t("report.take")}
            </button>
            <button name="intent" value="leave" className="small secondary">
              {t("report.leave")}
            </button>
          </Form>
        </div>
      ) : null}
      <div className="section-panes">
        {canEdit ? (
          <Form method="post" className="stack" ref={formRef}>
            <input type="hidden" name="key" value={s.key} />
            <label htmlFor={`md-${s.key}`}>{t("report.markdown")}</label>
            <textarea
              key={s.markdown}
              id={`md-${s.key}`}
              name="markdown"
              rows={Math.min(24, Math.max(6, s.markdown.split("\n").length + 1))}
              defaultValue={failed?.values.key === s.key ? String(failed.values.markdown ?? s.markdown) : s.markdown}
              aria-invalid={errors ? true : undefined}
            />
            {errors ? <p className="field-error">{errors.join(" ")}</p> : null}
            <div className="inline-form">
              <button
                type="button"
                className="small secondary"
                onClick={() => {
                  const fd = new FormData(formRef.current!);
                  fd.set("intent", "preview");
                  preview.submit(fd, { method: "post" });
                }}
              >
                {t("report.preview")}
              </button>
              <button name="intent" value="save" className="small">
                {t("report.save")}
              </button>
            </div>
          </Form>
        ) : null}
        <div
          className="report-body"
          aria-label={t("report.previewOf", { title: s.title })}
          dangerouslySetInnerHTML={{ __html: previewHtml ?? s.html }}
        />
      </div>
      <details className="comments">
        <summary>{t("report.comments", { count: comments.length })}</summary>
        <ul>
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author}</strong> ({c.at.slice(0, 16).replace("T", " ")}): {c.body}
            </li>
          ))}
        </ul>
        {canComment ? (
          <Form method="post" className="stack">
            <input type="hidden" name="key" value={s.key} />
            <label htmlFor={`c-${s.key}`}>{t("report.addComment")}</label>
            <textarea id={`c-${s.key}`} name="body" rows={2} maxLength={2000} />
            <button name="intent" value="comment" className="small secondary">
              {t("report.postComment")}
            </button>
          </Form>
        ) : null}
      </details>
    </section>
  );
}
