import { Form, useFetcher } from "@remix-run/react";
import { diffLines } from "diff";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FormResult } from "~/utils/forms.server";
import { translateServerMessage } from "~/i18n";
import { UserText } from "~/components/UserText";
import { formatDateTime } from "~/utils/format";

export type SectionView = {
  key: string;
  kind: string;
  title: string;
  markdown: string;
  html: string;
  edited: boolean;
  pendingMarkdown: string | null;
  machine: { text: string; writer: string; cites: string[] }[];
};
type Preview = { ok: true; intent: string; key?: string; html?: string };

/**
 * One section: its Markdown beside its preview, top to top and of one height, so a line in one
 * box sits level with what it becomes in the other; the drafted paragraphs' sources below.
 */
export function SectionEditor({
  section: s,
  comments,
  sources,
  canEdit,
  canComment,
  failed,
  first,
  last,
  locale,
  timezone,
}: {
  section: SectionView;
  comments: { id: string; body: string; author: string; at: string }[];
  sources: Record<string, { text: string; room: string | null }>;
  canEdit: boolean;
  canComment: boolean;
  failed?: FormResult;
  first: boolean;
  last: boolean;
  /** The report's language: its sections are written in it, whatever language the editor reads. */
  locale: string;
  timezone: string;
}) {
  const { t, i18n } = useTranslation();
  const preview = useFetcher<Preview | FormResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const previewHtml = preview.data && preview.data.ok && "html" in preview.data ? preview.data.html : null;
  const errors = failed && failed.values.key === s.key ? failed.fieldErrors.markdown : undefined;
  const free = s.kind === "free";
  return (
    <section className="card report-section" aria-labelledby={`sec-${s.key}`} data-testid={`section-${s.key}`}>
      <div className="section-head">
        <h2 id={`sec-${s.key}`}>
          <bdi lang={locale}>{s.title}</bdi>{" "}
          {s.edited && !free ? <span className="badge">{t("report.edited")}</span> : null}
          {free ? <span className="badge">{t("reportWriting.freeSection")}</span> : null}
        </h2>
        {canEdit ? (
          <Form method="post" className="inline-form section-move">
            <input type="hidden" name="key" value={s.key} />
            <button
              name="intent"
              value="move-up"
              className="small secondary"
              disabled={first}
              aria-label={t("reportWriting.moveUp", { title: s.title })}
            >
              ↑
            </button>
            <button
              name="intent"
              value="move-down"
              className="small secondary"
              disabled={last}
              aria-label={t("reportWriting.moveDown", { title: s.title })}
            >
              ↓
            </button>
          </Form>
        ) : null}
      </div>
      {free && canEdit ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="key" value={s.key} />
          <div className="field">
            <label htmlFor={`title-${s.key}`}>{t("reportWriting.sectionTitle")}</label>
            <input id={`title-${s.key}`} name="title" defaultValue={s.title} maxLength={200} required />
          </div>
          <button name="intent" value="rename-section" className="small secondary">
            {t("reportWriting.renameSection")}
          </button>
          <button name="intent" value="remove-section" className="small danger secondary">
            {t("reportWriting.removeSection")}
          </button>
        </Form>
      ) : null}
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
      <div className={`section-panes${canEdit ? "" : " read-only"}`}>
        {canEdit ? (
          <Form method="post" className="pane" ref={formRef}>
            <input type="hidden" name="key" value={s.key} />
            <label htmlFor={`md-${s.key}`} className="pane-label">
              {t("report.markdown")}
            </label>
            <textarea
              key={s.markdown}
              id={`md-${s.key}`}
              name="markdown"
              className="pane-box"
              lang={locale}
              dir="auto"
              defaultValue={failed?.values.key === s.key ? String(failed.values.markdown ?? s.markdown) : s.markdown}
              aria-invalid={errors ? true : undefined}
              aria-describedby={errors ? `md-${s.key}-error` : undefined}
              onScroll={(e) => {
                // The preview follows the Markdown box, so the two stay level while scrolling long sections.
                const box = e.currentTarget;
                const p = previewRef.current;
                const range = box.scrollHeight - box.clientHeight;
                if (p && range > 0) p.scrollTop = (box.scrollTop / range) * (p.scrollHeight - p.clientHeight);
              }}
            />
            {errors ? (
              <p className="field-error" id={`md-${s.key}-error`}>
                {errors.map((e) => translateServerMessage(i18n, e)).join(" ")}
              </p>
            ) : null}
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
        <div className="pane">
          <p className="pane-label" aria-hidden="true">
            {t("reportWriting.previewLabel")}
          </p>
          <div
            ref={previewRef}
            className="report-body pane-box"
            lang={locale}
            dir={locale === "ar" ? "rtl" : "ltr"}
            role="region"
            tabIndex={0}
            aria-label={t("report.previewOf", { title: s.title })}
            data-testid={`preview-${s.key}`}
            dangerouslySetInnerHTML={{ __html: previewHtml ?? s.html }}
          />
        </div>
      </div>
      {s.machine.length ? (
        <details className="sources">
          <summary>{t("reportWriting.sources", { count: s.machine.length })}</summary>
          <ol>
            {s.machine.map((m, i) => (
              <li key={i}>
                <p className="muted">
                  {m.text.length > 140 ? `${m.text.slice(0, 140)}…` : m.text} ({t(`reportWriting.writers.${m.writer}`)})
                </p>
                <ul>
                  {m.cites.slice(0, 20).map((id) => (
                    <li key={id}>
                      {sources[id]!.text}
                      {sources[id]!.room ? <span className="muted"> · {sources[id]!.room}</span> : null}
                    </li>
                  ))}
                  {m.cites.length > 20 ? <li className="muted">+{m.cites.length - 20}</li> : null}
                </ul>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <details className="comments">
        <summary>{t("report.comments", { count: comments.length })}</summary>
        <ul>
          {comments.map((c) => (
            <li key={c.id}>
              <strong>
                <bdi>{c.author}</bdi>
              </strong>{" "}
              (<time dateTime={c.at}>{formatDateTime(c.at, i18n.language, timezone)}</time>): <UserText text={c.body} />
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
