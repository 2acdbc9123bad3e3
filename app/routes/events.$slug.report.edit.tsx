import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type MachineMarks, sectionHtml } from "../../server/core/reports/render-html";
import { REPORT_LOCALES, reportTexts } from "../../server/core/reports/texts";
import {
  AddSection,
  OrganisationsCard,
  PanelCard,
  ProposalsPanel,
  RoomSummariesCard,
  WriterNotice,
} from "~/components/report/ReportPanels";
import { SectionEditor } from "~/components/report/SectionEditor";
import { languageName } from "~/utils/languages";
import { FormMessage } from "~/components/Field";
import { formToObject } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm, requireConfirmed } from "~/utils/forms.server";
import { Confirm } from "~/components/Confirm";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";
import { UserText } from "~/components/UserText";
import { VersionLine } from "~/components/report/VersionLine";
import { translateServerMessage } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "reportEdit", { title: data.event.title }) : [{ title: "Plenary" }];

/** How the editor's previews mark drafted paragraphs: the report's own label, and which writer drafted each. */
const marksOf = (locale: string, paragraphs: MachineMarks["paragraphs"]): MachineMarks => {
  const t = reportTexts(locale);
  return { paragraphs, label: t.machineDrafted, writers: t.writers };
};

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const actor = await actorOf(context);
  const slug = params.slug ?? "";
  const view = await context.core.reports.editor(actor, slug).catch(asHttpError);
  const resources = await context.core.reports.resources(actor, slug).catch(asHttpError);
  const extras = await context.core.reports.extras(actor, slug).catch(asHttpError);
  const locale = view.report?.locale ?? "en";
  return json({
    ...view,
    resources,
    extras,
    freeSections: Object.values(reportTexts(locale).freeSections),
    report: view.report && {
      ...view.report,
      sections: view.report.sections.map((s) => ({
        ...s,
        html: sectionHtml(s.markdown, view.report!.figures, reportTexts(locale).chartTitle, marksOf(locale, s.machine)),
      })),
    },
  });
}

/** Accept, save or drop a proposed action item; the way forward section then shows it as it is. */
const DECISIONS: Record<string, string> = {
  "proposal-accept": "agreed",
  "proposal-save": "proposed",
  "proposal-drop": "dropped",
};

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const slug = params.slug ?? "";
  return formAction(form, async () => {
    const actor = await actorOf(context);
    const r = context.core.reports;
    const intent = String(form.get("intent") ?? "");
    const input = formToObject(form);
    switch (intent) {
      case "preview": {
        const report = (await r.editor(actor, slug)).report;
        const key = String(form.get("key"));
        const section = report?.sections.find((x) => x.key === key);
        return json({
          ok: true as const,
          intent,
          key,
          html: sectionHtml(
            String(form.get("markdown") ?? "").replace(/\r\n?/g, "\n"),
            report?.figures ?? { categories: [] },
            reportTexts(report?.locale ?? "en").chartTitle,
            marksOf(report?.locale ?? "en", section?.machine ?? []),
          ),
        });
      }
      case "proposal-accept":
      case "proposal-save":
      case "proposal-drop":
        await context.core.actions.update(actor, slug, String(form.get("itemId") ?? ""), {
          ...input,
          status: DECISIONS[intent],
        });
        await r.refreshWayForward(actor, slug);
        break;
      case "speaker":
        await r.saveSpeaker(actor, slug, input);
        break;
      case "organisations":
        await r.setListedOrganisations(actor, slug, {
          organisations: form.getAll("organisations").map(String),
          listed: form.getAll("listed").map(String),
        });
        break;
      case "add-section":
        await r.addSection(actor, slug, input);
        break;
      case "rename-section":
        await r.renameSection(actor, slug, input);
        break;
      case "remove-section":
        await r.removeSection(actor, slug, input);
        break;
      case "move-up":
      case "move-down":
        await r.moveSection(actor, slug, { key: input.key, direction: intent === "move-up" ? "up" : "down" });
        break;
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
  const { t, i18n } = useTranslation();
  const { event, can, report, resources, extras, freeSections } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : undefined;
  const drafts = ["pdf", "docx", "md", "csv"] as const;

  return (
    <section className="report-editor" aria-labelledby="report-title">
      <p className="eyebrow">
        <Link to={`/events/${event.slug}`}>
          <UserText text={event.title} />
        </Link>
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
              {busy ? <p role="status">{t("reportWriting.drafting")}</p> : null}
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
              <UserText as="p" className="notice" text={report.withdrawnNotice} />
            ) : null}
            <WriterNotice writer={report.writer} timezone={event.timezone} />
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
                    aria-describedby={failed?.fieldErrors.changeNote ? "change-note-error" : undefined}
                  />
                  {failed?.fieldErrors.changeNote ? (
                    <p className="field-error" id="change-note-error">
                      {failed.fieldErrors.changeNote.map((e) => translateServerMessage(i18n, e)).join(" ")}
                    </p>
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
                  {t(`report.format.${f}`)}
                </a>
              ))}
            </p>
            {report.versions.length ? (
              <details>
                <summary>{t("report.versions", { count: report.versions.length })}</summary>
                <ul>
                  {report.versions.map((v) => (
                    <VersionLine key={v.number} slug={event.slug} version={v} />
                  ))}
                </ul>
              </details>
            ) : null}
          </div>

          {can.manageActions ? <ProposalsPanel proposals={report.proposals} sources={report.sources} /> : null}
          <RoomSummariesCard slug={event.slug} rooms={extras.rooms} />
          {can.edit ? <PanelCard speakers={extras.speakers} /> : null}
          {can.edit ? <OrganisationsCard organisations={extras.organisations} /> : null}

          {report.sections.map((s, i) => (
            <SectionEditor
              key={s.key}
              section={s}
              comments={report.comments.filter((c) => c.key === s.key)}
              sources={report.sources}
              canEdit={can.edit}
              canComment={can.comment}
              failed={failed}
              locale={report.locale}
              timezone={event.timezone}
              first={i === 0}
              last={i === report.sections.length - 1}
            />
          ))}

          {can.edit ? (
            <AddSection
              sections={report.sections.map((s) => ({ key: s.key, title: s.title }))}
              suggestions={freeSections}
            />
          ) : null}

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
