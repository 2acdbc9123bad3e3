import { machineParagraphs, reportContent, reportFigures, stringList, writerRecord } from "../json-columns";
import { audit } from "../audit";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { Clock } from "../clock";
import type { ClusteringEngine } from "../clustering/engine";
import { toCsv } from "../csv";
import { DomainError, conflict, forbidden, notFound } from "../errors";
import { type Actor, type EventRole, allows, requirePermission, rolesOf } from "../permissions";
import { markdownText, safeMarkdown } from "../markdown";
import { inEvent } from "../scope";
import { validate } from "../validate";
import type { ReportContent } from "./content";
import { loadReportData } from "./data";
import { reportDocx } from "./docx";
import { generateReport, loadActions, placeSections } from "./generate";
import { type MachineParagraph, markBlocks, stillMachine } from "./machine";
import { htmlToPdf } from "./pdf";
import { isIndependent, organisationKey } from "./disclosure";
import { publicationDay, versionLine } from "./publication";
import { reportDocument } from "./render-html";
import { type DATA_SECTIONS, SECTION_KEYS, dataSection, md } from "./sections";
import { REPORT_LOCALES, reportTexts } from "./texts";
import type { ModelConfig } from "./writing/config";
import type { WriterReport } from "./writing/run";
import { zm } from "../i18n/zod-messages";
import { type MessageParam, isMessageKey, msg } from "../i18n/message";

export const REPORT_FORMATS = ["pdf", "docx", "md", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** A generated section's key, or a free section's ("free-" and a random id). */
const sectionKey = z
  .string()
  .refine(
    (k) => (SECTION_KEYS as readonly string[]).includes(k) || /^free-[a-z0-9]{8,32}$/.test(k),
    zm("reports.unknownSection"),
  );
const freeKey = z.string().regex(/^free-[a-z0-9]{8,32}$/, zm("reports.freeSectionsOnly"));
const speakerInput = z.object({
  speakerId: z.string().min(1).max(64),
  contribution: z.string().trim().max(6000).default(""),
  quote: z.string().trim().max(1000).default(""),
  quoteConsent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
const names = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().trim().min(1).max(300)).max(5000),
);
const organisationsInput = z.object({ organisations: names, listed: names });
const freeTitle = z.string().trim().min(1, zm("reports.sectionTitle")).max(200);
const editInput = z.object({
  key: sectionKey,
  markdown: z.string().max(50_000, zm("reports.sectionTooLong")),
});
const commentInput = z.object({
  key: sectionKey,
  body: z.string().trim().min(1, zm("reports.writeComment")).max(2000),
});
const publishInput = z.object({ changeNote: z.string().trim().max(500).default("") });
const resourceInput = z.object({
  title: z.string().trim().min(1, zm("reports.linkTitle")).max(200),
  url: z.url({ protocol: /^https?$/, error: zm("reports.webAddress") }).max(2000),
});
const withdrawInput = z.object({
  notice: z.string().trim().min(1, zm("reports.withdrawReason")).max(1000),
});

/**
 * Summary reports: generated from the event, edited section by section,
 * reviewed, approved, published as immutable numbered versions, withdrawn
 * with a notice. Published files are rendered once and served byte for byte.
 */
export function createReportService({
  db,
  clock,
  engine,
  model = null,
}: {
  db: Db;
  clock: Clock;
  engine: ClusteringEngine;
  /** The language model that drafts the prose, when the deployment configured one (LLM_URL, LLM_MODEL). */
  model?: ModelConfig | null;
}) {
  const eventOf = async (slug: string) => {
    const e = await db.event.findUnique({
      where: { slug },
      select: { id: true, slug: true, title: true, timezone: true },
    });
    if (!e) throw notFound("event");
    return e;
  };
  const reportOf = (eventId: string) =>
    db.report.findUnique({ where: { eventId }, include: { sections: { orderBy: { position: "asc" } } } });

  /** Saves a generated section: replaces it if nobody edited it, else offers the new text as a proposal. */
  async function saveGenerated(
    tx: Pick<Db, "reportSection">,
    reportId: string,
    old: { id: string; edited: boolean; generatedMarkdown: string; machineJson: string } | undefined,
    s: { key: string; title: string; markdown: string; machine?: MachineParagraph[] },
    position: number,
  ) {
    const machine = machineParagraphs.write(s.machine ?? []);
    if (!old)
      await tx.reportSection.create({
        data: {
          reportId,
          key: s.key,
          position,
          title: s.title,
          generatedMarkdown: s.markdown,
          markdown: s.markdown,
          machineJson: machine,
        },
      });
    else if (!old.edited)
      await tx.reportSection.update({
        where: { id: old.id },
        data: {
          title: s.title,
          generatedMarkdown: s.markdown,
          markdown: s.markdown,
          pendingMarkdown: null,
          machineJson: machine,
          position,
        },
      });
    else
      await tx.reportSection.update({
        where: { id: old.id },
        data: {
          title: s.title,
          position,
          ...(s.markdown === old.generatedMarkdown ? { pendingMarkdown: null } : { pendingMarkdown: s.markdown }),
          // Paragraphs of both drafts are known, so what the person kept and what the proposal adds stay marked.
          machineJson: machineParagraphs.write(
            [...machineParagraphs.read(old.machineJson), ...(s.machine ?? [])].filter(
              (m, i, all) => all.findIndex((x) => x.text === m.text) === i,
            ),
          ),
        },
      });
  }

  /** Generates a draft, or regenerates one: sections nobody edited are replaced; edited ones get the new text as a proposal. */
  async function generateFor(eventId: string, actorId: string | null) {
    const existing = await reportOf(eventId);
    const locale = existing?.locale ?? "en";
    const g = await generateReport(db, eventId, locale, engine, model);
    const writer: WriterReport & { at: string } = { ...g.writer, at: clock.now().toISOString() };
    await db.$transaction(async (tx) => {
      const report = existing ?? (await tx.report.create({ data: { eventId, locale } }));
      await tx.report.update({
        where: { id: report.id },
        data: {
          figuresJson: reportFigures.write(g.figures),
          writerJson: writerRecord.write(writer),
          ...(existing && existing.status !== "draft" && existing.status !== "in_review" ? { status: "draft" } : {}),
        },
      });
      const order = placeSections(
        existing?.sections ?? [],
        g.sections.map((s) => s.key),
      );
      for (const s of existing?.sections ?? [])
        if (s.kind === "free")
          await tx.reportSection.update({ where: { id: s.id }, data: { position: order.indexOf(s.key) } });
      for (const s of g.sections)
        await saveGenerated(
          tx,
          report.id,
          existing?.sections.find((x) => x.key === s.key),
          s,
          order.indexOf(s.key),
        );
    });
    await audit(db, {
      eventId,
      actorId,
      action: existing ? "report.regenerate" : "report.generate",
      details: { writer: writer.writer },
    });
    return writer;
  }

  /** Rebuilds the sections drawn from records alone (participation, panel, way forward) after those records changed. */
  async function refreshDataSections(eventId: string, keys: readonly (typeof DATA_SECTIONS)[number][]) {
    const report = await reportOf(eventId);
    if (!report) return;
    const data = await loadReportData(db, eventId, report.locale);
    data.actionItems = await loadActions(db, eventId);
    for (const key of keys) {
      const old = report.sections.find((s) => s.key === key);
      if (!old) continue;
      await saveGenerated(db, report.id, old, dataSection(key, data), old.position);
    }
  }

  async function draftContent(eventId: string, forPublication = false): Promise<ReportContent> {
    const event = await db.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { slug: true, title: true, timezone: true },
    });
    const report = await reportOf(eventId);
    if (!report) throw notFound("report");
    // A published way forward lists only the items a person reviewed: nothing Plenary proposed goes public unseen.
    let wayForward: string | null = null;
    const actionsSection = report.sections.find((s) => s.key === "actions");
    if (forPublication && actionsSection && !actionsSection.edited) {
      const data = await loadReportData(db, eventId, report.locale);
      data.actionItems = await loadActions(db, eventId);
      wayForward = dataSection("actions", data, true).markdown;
    }
    return {
      title: event.title,
      locale: report.locale,
      eventSlug: event.slug,
      timezone: event.timezone,
      version: null,
      publishedAt: null,
      changeNote: "",
      sections: report.sections.map((s) => {
        const markdown = s.key === "actions" && wayForward !== null ? wayForward : s.markdown;
        return {
          key: s.key,
          title: s.title,
          markdown,
          machine: stillMachine(markdown, machineParagraphs.read(s.machineJson)).map((m) => ({
            text: m.text,
            writer: m.writer,
          })),
        };
      }),
      figures: reportFigures.read(report.figuresJson),
      actionItems: await actionSnapshot(eventId, forPublication),
    };
  }

  async function actionSnapshot(eventId: string, forPublication: boolean): Promise<ReportContent["actionItems"]> {
    const items = await db.actionItem.findMany({
      where: {
        eventId,
        ...(forPublication ? { OR: [{ origin: { not: "drafted" } }, { reviewedAt: { not: null } }] } : {}),
      },
      include: {
        cluster: { select: { label: true } },
        updates: { where: { note: { not: "" } }, orderBy: { createdAt: "desc" }, take: 1 },
      },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    });
    return items.map((i) => ({
      title: i.title,
      owner: i.owner,
      dueDate: i.dueDate,
      status: i.status,
      from: i.sourceLabel || i.cluster?.label || null,
      progress: i.updates[0]?.note ?? "",
    }));
  }

  async function render(content: ReportContent, format: ReportFormat): Promise<Buffer> {
    switch (format) {
      case "md":
        return Buffer.from(toMarkdown(content), "utf8");
      case "csv": {
        const t = reportTexts(content.locale);
        return Buffer.from(
          toCsv(
            t.csvHeader,
            content.actionItems.map((a) => [
              a.title,
              a.owner,
              a.dueDate ?? "",
              t.statuses[a.status] ?? a.status,
              a.from ?? "",
              a.progress,
            ]),
          ),
          "utf8",
        );
      }
      case "docx": {
        const t = reportTexts(content.locale);
        return reportDocx(content, t.labels, t.machineDrafted);
      }
      case "pdf": {
        const labels = reportTexts(content.locale).labels;
        return htmlToPdf(reportDocument(content, labels), `${content.title} · ${versionLine(content, labels)}`);
      }
    }
  }

  async function staffRoles(actor: Actor, eventId: string): Promise<EventRole[]> {
    if (!actor) throw new DomainError("unauthenticated", msg("access.signIn"));
    const roles = await rolesOf(db, eventId, actor.userId);
    if (!allows(roles, "report.comment") && !allows(roles, "report.edit")) throw forbidden(msg("reports.teamOnly"));
    return roles;
  }

  /** Why a transition is refused, per action; the report's status is said in the reader's words. */
  const refusals = {
    submit: "reports.cannotSubmit",
    approve: "reports.cannotApprove",
    reopen: "reports.cannotReopen",
  } as const;
  const statusSaid = (status: string): MessageParam => {
    const key = `reportStatus.${status}`;
    return isMessageKey(key) ? { key } : status;
  };
  const transitions: Record<string, { from: string[]; to: string; permission: "report.edit" | "report.publish" }> = {
    submit: { from: ["draft"], to: "in_review", permission: "report.edit" },
    approve: { from: ["in_review"], to: "approved", permission: "report.publish" },
    reopen: { from: ["in_review", "approved"], to: "draft", permission: "report.edit" },
  };

  return {
    /** The editor's view: sections, proposals, comments, versions and what this person may do. */
    async editor(actor: Actor, slug: string) {
      const event = await eventOf(slug);
      const roles = await staffRoles(actor, event.id);
      const report = await reportOf(event.id);
      const [comments, versions] = report
        ? await Promise.all([
            db.reportComment.findMany({
              where: { reportId: report.id },
              include: { user: { select: { name: true } } },
              orderBy: { createdAt: "asc" },
            }),
            db.reportVersion.findMany({
              where: { reportId: report.id },
              orderBy: { number: "desc" },
              select: { number: true, changeNote: true, publishedAt: true },
            }),
          ])
        : [[], []];
      const canManageActions = allows(roles, "action.manage");
      const sections = (report?.sections ?? []).map((s) => ({
        s,
        machine: stillMachine(s.markdown, machineParagraphs.read(s.machineJson)),
      }));
      const proposals = canManageActions
        ? await db.actionItem.findMany({
            where: { eventId: event.id, origin: "drafted", reviewedAt: null },
            orderBy: { createdAt: "asc" },
          })
        : [];
      // The notes drafted text and proposals rest on, so the team can check each against its sources.
      const cited = [
        ...new Set([
          ...sections.flatMap((x) => x.machine.flatMap((m) => m.sentences.flatMap((t) => t.cites))),
          ...proposals.flatMap((p) => stringList.read(p.sourceNoteIdsJson)),
        ]),
      ];
      const notes = cited.length
        ? await db.note.findMany({
            where: { id: { in: cited }, board: { eventId: event.id } },
            select: {
              id: true,
              text: true,
              board: { select: { room: { select: { name: true } } } },
              originRoomId: true,
            },
          })
        : [];
      const rooms = new Map(
        (await db.room.findMany({ where: { round: { eventId: event.id } }, select: { id: true, name: true } })).map(
          (r) => [r.id, r.name],
        ),
      );
      const sources = Object.fromEntries(
        notes.map((n) => [
          n.id,
          { text: n.text, room: n.board.room?.name ?? (n.originRoomId ? (rooms.get(n.originRoomId) ?? null) : null) },
        ]),
      );
      const locale = report?.locale ?? "en";
      return {
        event,
        can: {
          edit: allows(roles, "report.edit"),
          comment: allows(roles, "report.comment"),
          publish: allows(roles, "report.publish"),
          manageActions: canManageActions,
        },
        report: report && {
          status: report.status,
          locale: report.locale,
          withdrawnNotice: report.withdrawnNotice,
          figures: reportFigures.read(report.figuresJson),
          writer: writerRecord.read(report.writerJson),
          sections: sections.map(({ s, machine }) => ({
            key: s.key,
            kind: s.kind,
            title: s.title,
            markdown: s.markdown,
            edited: s.edited,
            pendingMarkdown: s.pendingMarkdown,
            generatedMarkdown: s.generatedMarkdown,
            machine: machine.map((m) => ({
              text: m.text,
              writer: m.writer,
              cites: [...new Set(m.sentences.flatMap((x) => x.cites))].filter((id) => id in sources),
            })),
          })),
          sources,
          comments: comments.map((c) => ({
            id: c.id,
            key: c.sectionKey,
            body: c.body,
            author: c.user?.name ?? "",
            at: c.createdAt.toISOString(),
          })),
          versions: versions.map((v) => ({
            number: v.number,
            changeNote: v.changeNote,
            publishedAt: v.publishedAt.toISOString(),
            day: publicationDay(v.publishedAt.toISOString(), event.timezone, locale),
          })),
          proposals: proposals.map((p) => ({
            id: p.id,
            title: p.title,
            description: p.description,
            suggestedOwner: p.suggestedOwner,
            sourceLabel: p.sourceLabel,
            sourceNoteIds: stringList.read(p.sourceNoteIdsJson).filter((id) => id in sources),
          })),
        },
      };
    },

    /** What the editor's side panels change: the panel speakers' contributions, and the organisations listed. */
    async extras(actor: Actor, slug: string) {
      const event = await eventOf(slug);
      const roles = await staffRoles(actor, event.id);
      // Who took part is for those who edit the report; commenters (facilitators) see the published list only.
      const editor = allows(roles, "report.edit");
      const [speakers, regs, report, rooms] = await Promise.all([
        db.agendaSpeaker.findMany({
          where: { agendaItem: { eventId: event.id } },
          include: { agendaItem: { select: { title: true, startsAt: true } } },
          orderBy: [{ agendaItem: { startsAt: "asc" } }, { position: "asc" }],
        }),
        editor
          ? db.registration.findMany({
              where: { eventId: event.id, status: "confirmed" },
              select: { organisation: true },
            })
          : Promise.resolve([] as { organisation: string }[]),
        db.report.findUnique({ where: { eventId: event.id }, select: { hiddenOrganisationsJson: true } }),
        db.room.findMany({
          where: { round: { eventId: event.id }, board: { isNot: null } },
          select: { name: true, board: { select: { id: true } }, summary: { select: { updatedAt: true } } },
          orderBy: [{ round: { createdAt: "asc" } }, { position: "asc" }],
        }),
      ]);
      const hidden = new Set(stringList.read(report?.hiddenOrganisationsJson).map(organisationKey));
      const names = new Map<string, string>();
      for (const r of regs) {
        const name = r.organisation.trim();
        if (name && !isIndependent(name) && !names.has(organisationKey(name))) names.set(organisationKey(name), name);
      }
      return {
        speakers: speakers.map((s) => ({
          id: s.id,
          item: s.agendaItem.title,
          name: s.name,
          title: s.title,
          organisation: s.organisation,
          contribution: s.contribution,
          quote: s.quote,
          quoteConsent: s.quoteConsent,
        })),
        /** Each room's board, and whether its rapporteur has written a summary yet. */
        rooms: rooms.map((r) => ({ name: r.name, boardId: r.board!.id, written: !!r.summary })),
        organisations: [...names.entries()]
          .map(([key, name]) => ({ name, listed: !hidden.has(key) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    },

    /** A panel speaker's contribution, as the secretariat writes it up, and their quote with or without consent to name them. */
    async saveSpeaker(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const data = validate(speakerInput, input);
      const speaker = await db.agendaSpeaker.findFirst({
        where: { id: data.speakerId, agendaItem: { eventId: event.id } },
      });
      if (!speaker) throw notFound("speaker");
      await db.agendaSpeaker.update({
        where: { id: speaker.id },
        data: { contribution: data.contribution, quote: data.quote, quoteConsent: data.quoteConsent },
      });
      await refreshDataSections(event.id, ["panel"]);
    },

    /** Which organisations the published list leaves out: those of `organisations` not in `listed`. */
    async setListedOrganisations(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const { organisations, listed } = validate(organisationsInput, input);
      const report = await reportOf(event.id);
      if (!report) throw notFound("report");
      const shown = new Set(listed.map(organisationKey));
      const asked = new Set(organisations.map(organisationKey));
      // Organisations the form did not show keep their choice.
      const kept = stringList.read(report.hiddenOrganisationsJson).filter((o) => !asked.has(organisationKey(o)));
      const hidden = [...kept, ...organisations.filter((o) => !shown.has(organisationKey(o)))];
      await db.report.update({ where: { id: report.id }, data: { hiddenOrganisationsJson: stringList.write(hidden) } });
      await refreshDataSections(event.id, ["participation"]);
    },

    /** After action items changed: the way forward section shows them as they are now. */
    async refreshWayForward(actor: Actor, slug: string) {
      const event = await eventOf(slug);
      await staffRoles(actor, event.id);
      await refreshDataSections(event.id, ["actions"]);
    },

    /** A free section (acknowledgements, about the programme, local initiatives, a partner box), placed after another. */
    async addSection(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const { title, after } = validate(z.object({ title: freeTitle, after: sectionKey.optional() }), input);
      const report = await reportOf(event.id);
      if (!report) throw notFound("report");
      const order = report.sections.map((s) => s.key);
      const at = after && order.includes(after) ? order.indexOf(after) + 1 : order.length;
      const key = `free-${randomBytes(8).toString("hex")}`;
      order.splice(at, 0, key);
      await db.$transaction([
        db.reportSection.create({
          data: {
            reportId: report.id,
            key,
            kind: "free",
            position: at,
            title,
            generatedMarkdown: "",
            markdown: "",
            edited: true,
          },
        }),
        ...report.sections.map((s) =>
          db.reportSection.update({ where: { id: s.id }, data: { position: order.indexOf(s.key) } }),
        ),
      ]);
      return { key };
    },

    async renameSection(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const { key, title } = validate(z.object({ key: freeKey, title: freeTitle }), input);
      const section = (await reportOf(event.id))?.sections.find((s) => s.key === key);
      if (!section) throw notFound("reportSection");
      await db.reportSection.update({ where: { id: section.id }, data: { title } });
    },

    async removeSection(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const { key } = validate(z.object({ key: freeKey }), input);
      const section = (await reportOf(event.id))?.sections.find((s) => s.key === key);
      if (!section) throw notFound("reportSection");
      await db.reportSection.delete({ where: { id: section.id } });
    },

    /** Moves a section one place up or down; generated sections keep the place given when regenerated. */
    async moveSection(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const { key, direction } = validate(z.object({ key: sectionKey, direction: z.enum(["up", "down"]) }), input);
      const report = await reportOf(event.id);
      const order = (report?.sections ?? []).map((s) => s.key);
      const i = order.indexOf(key);
      if (!report || i < 0) throw notFound("reportSection");
      const j = direction === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= order.length) return;
      [order[i], order[j]] = [order[j]!, order[i]!];
      await db.$transaction(
        report.sections.map((s) =>
          db.reportSection.update({ where: { id: s.id }, data: { position: order.indexOf(s.key) } }),
        ),
      );
    },

    async generate(actor: Actor, slug: string) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "report.edit");
      return generateFor(event.id, user.userId);
    },

    async editSection(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const { key, markdown: typed } = validate(editInput, input);
      // Browsers send textarea lines ending in CR LF; a paragraph nobody touched must stay byte for byte what was drafted.
      const markdown = typed.replace(/\r\n?/g, "\n");
      const report = await reportOf(event.id);
      const section = report?.sections.find((s) => s.key === key);
      if (!report || !section) throw notFound("reportSection");
      await db.reportSection.update({
        where: { id: section.id },
        data: { markdown, edited: markdown !== section.generatedMarkdown },
      });
      // A change after approval or publication starts a new review: approval covered the old text.
      if (report.status === "approved" || report.status === "published" || report.status === "withdrawn")
        await db.report.update({ where: { id: report.id }, data: { status: "draft" } });
    },

    /** Take (or leave) what the last regeneration proposed for a section a person had edited. */
    async resolveProposal(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const { key, take } = validate(z.object({ key: sectionKey, take: z.enum(["take", "leave"]) }), input);
      const section = (await reportOf(event.id))?.sections.find((s) => s.key === key);
      if (!section?.pendingMarkdown) throw conflict(msg("reports.noPending"));
      await db.reportSection.update({
        where: { id: section.id },
        data:
          take === "take"
            ? {
                markdown: section.pendingMarkdown,
                generatedMarkdown: section.pendingMarkdown,
                edited: false,
                pendingMarkdown: null,
              }
            : { generatedMarkdown: section.pendingMarkdown, pendingMarkdown: null },
      });
    },

    /** The report's language (its fixed parts: headings, figures' wording); regenerates the draft in it. */
    async setLocale(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "report.edit");
      const { locale } = validate(
        z.object({ locale: z.enum(REPORT_LOCALES, { error: zm("reports.language") }) }),
        input,
      );
      const report = await reportOf(event.id);
      if (!report) throw notFound("report");
      await db.report.update({ where: { id: report.id }, data: { locale } });
      await generateFor(event.id, user.userId);
    },

    async comment(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "report.comment");
      const { key, body } = validate(commentInput, input);
      const report = await reportOf(event.id);
      if (!report) throw notFound("report");
      await db.reportComment.create({ data: { reportId: report.id, sectionKey: key, userId: user.userId, body } });
    },

    async transition(actor: Actor, slug: string, action: string) {
      const event = await eventOf(slug);
      const rule = transitions[action];
      if (!rule) throw new DomainError("validation", msg("reports.unknownAction"));
      const user = await requirePermission(db, actor, event.id, rule.permission);
      const report = await reportOf(event.id);
      if (!report) throw notFound("report");
      if (!rule.from.includes(report.status))
        throw conflict(
          msg(refusals[action as keyof typeof refusals] ?? "reports.cannotReopen", {
            status: statusSaid(report.status),
          }),
        );
      await db.report.update({ where: { id: report.id }, data: { status: rule.to } });
      await audit(db, { eventId: event.id, actorId: user.userId, action: `report.${action}` });
    },

    /** Freezes the approved draft as the next numbered version; a correction needs a change note. */
    async publish(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "report.publish");
      const { changeNote } = validate(publishInput, input);
      const report = await reportOf(event.id);
      if (!report) throw notFound("report");
      if (report.status !== "approved") throw conflict(msg("reports.approvedOnly"));
      const last = await db.reportVersion.findFirst({ where: { reportId: report.id }, orderBy: { number: "desc" } });
      if (last && !changeNote)
        throw new DomainError("validation", msg("reports.sayWhatChanged"), {
          changeNote: [msg("reports.changeNote")],
        });
      const number = (last?.number ?? 0) + 1;
      const publishedAt = clock.now();
      const content: ReportContent = {
        ...(await draftContent(event.id, true)),
        version: number,
        publishedAt: publishedAt.toISOString(),
        changeNote,
      };
      await db.$transaction([
        db.reportVersion.create({
          data: {
            reportId: report.id,
            number,
            changeNote,
            contentJson: reportContent.write(content),
            publishedAt,
            publishedById: user.userId,
          },
        }),
        db.report.update({ where: { id: report.id }, data: { status: "published", withdrawnNotice: null } }),
      ]);
      await audit(db, {
        eventId: event.id,
        actorId: user.userId,
        action: "report.publish",
        details: { version: number },
      });
      return { version: number };
    },

    async withdraw(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "report.publish");
      const { notice } = validate(withdrawInput, input);
      const report = await reportOf(event.id);
      if (!report || !(await db.reportVersion.count({ where: { reportId: report.id } })))
        throw conflict(msg("reports.nothingPublished"));
      await db.report.update({ where: { id: report.id }, data: { status: "withdrawn", withdrawnNotice: notice } });
      await audit(db, { eventId: event.id, actorId: user.userId, action: "report.withdraw", details: { notice } });
    },

    /** The public page: the latest (or a given) published version, or the withdrawal notice. No sign-in. */
    async published(slug: string, versionNumber?: number) {
      const event = await eventOf(slug);
      const report = await db.report.findUnique({ where: { eventId: event.id } });
      const versions = report
        ? await db.reportVersion.findMany({
            where: { reportId: report.id },
            orderBy: { number: "desc" },
            select: { number: true, changeNote: true, publishedAt: true },
          })
        : [];
      // Before the first publication the public page says so, rather than "page not found".
      if (!report || !versions.length) {
        if (versionNumber !== undefined) throw notFound("reportVersion", { number: versionNumber });
        return { event, withdrawn: null, content: null, versions: [] };
      }
      if (report.status === "withdrawn")
        return { event, withdrawn: report.withdrawnNotice ?? "", content: null, versions: [] };
      const number = versionNumber ?? versions[0]!.number;
      const v = await db.reportVersion.findUnique({ where: { reportId_number: { reportId: report.id, number } } });
      if (!v) throw notFound("reportVersion", { number });
      return {
        event,
        withdrawn: null,
        // A version whose stored content cannot be read shows as that version with nothing in it, not as an error.
        content: reportContent.read(v.contentJson) ?? {
          title: event.title,
          locale: report.locale,
          eventSlug: event.slug,
          timezone: event.timezone,
          version: v.number,
          publishedAt: v.publishedAt.toISOString(),
          changeNote: v.changeNote,
          sections: [],
          figures: reportFigures.read(null),
          actionItems: [],
        },
        versions: versions.map((x) => ({
          number: x.number,
          changeNote: x.changeNote,
          publishedAt: x.publishedAt.toISOString(),
        })),
      };
    },

    /**
     * A file of a published version (anyone; rendered once, then the same bytes
     * every time) or of the current draft (report staff only, rendered fresh).
     */
    async download(actor: Actor, slug: string, format: string, which: number | "draft" | "latest" = "latest") {
      const fmt = validate(z.enum(REPORT_FORMATS, { error: zm("reports.format") }), format);
      const event = await eventOf(slug);
      const filename = (suffix: string) => `${event.slug}-report-${suffix}.${fmt}`;
      if (which === "draft") {
        await staffRoles(actor, event.id);
        return {
          bytes: await render(await draftContent(event.id), fmt),
          contentType: CONTENT_TYPES[fmt],
          filename: filename("draft"),
        };
      }
      const { content, withdrawn } = await this.published(slug, which === "latest" ? undefined : which);
      if (withdrawn !== null) throw new DomainError("not_found", msg("notFound.reportWithdrawn"));
      if (!content) throw notFound("publishedReport");
      const version = await db.reportVersion.findFirstOrThrow({
        where: { report: { eventId: event.id }, number: content.version! },
        select: { id: true },
      });
      const cached = await db.reportExport.findUnique({
        where: { versionId_format: { versionId: version.id, format: fmt } },
      });
      if (cached)
        return {
          bytes: Buffer.from(cached.bytes),
          contentType: CONTENT_TYPES[fmt],
          filename: filename(`v${content.version}`),
        };
      const bytes = await render(content, fmt);
      // Two first downloads at once: the unique (version, format) keeps the first file, and both get it.
      await db.reportExport
        .create({ data: { versionId: version.id, format: fmt, bytes: new Uint8Array(bytes) } })
        .catch(() => undefined);
      const stored = await db.reportExport.findUniqueOrThrow({
        where: { versionId_format: { versionId: version.id, format: fmt } },
      });
      return {
        bytes: Buffer.from(stored.bytes),
        contentType: CONTENT_TYPES[fmt],
        filename: filename(`v${content.version}`),
      };
    },

    /** For the command line: the latest published version, else the draft (generated first if there is none). */
    async exportForCli(slug: string, format: string) {
      const fmt = validate(z.enum(REPORT_FORMATS, { error: zm("reports.format") }), format);
      const event = await eventOf(slug);
      const report = await db.report.findUnique({ where: { eventId: event.id } });
      const published =
        report &&
        report.status !== "withdrawn" &&
        (await db.reportVersion.count({ where: { reportId: report.id } })) > 0;
      if (published) return (await this.download(null, slug, fmt, "latest")).bytes;
      if (!report) await generateFor(event.id, null);
      return render(await draftContent(event.id), fmt);
    },

    async resources(actor: Actor, slug: string) {
      const event = await eventOf(slug);
      await staffRoles(actor, event.id);
      return db.eventResource.findMany({
        where: { eventId: event.id },
        orderBy: { position: "asc" },
        select: { id: true, title: true, url: true },
      });
    },

    /** Links the organisers add for the report's Resources section. */
    async addResource(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const data = validate(resourceInput, input);
      const position = await db.eventResource.count({ where: { eventId: event.id } });
      await db.eventResource.create({ data: { eventId: event.id, title: data.title, url: data.url, position } });
    },

    async removeResource(actor: Actor, slug: string, resourceId: string) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      await db.eventResource.delete({ where: { id: (await inEvent(db, event.id).resource(resourceId)).id } });
    },

    /** What the event page links to: the published report, the follow-up, and the team's editors. */
    async outcomes(actor: Actor, eventId: string) {
      const [report, actions, roles] = await Promise.all([
        db.report.findUnique({ where: { eventId }, select: { status: true, _count: { select: { versions: true } } } }),
        db.actionItem.count({ where: { eventId } }),
        actor ? rolesOf(db, eventId, actor.userId) : Promise.resolve([] as EventRole[]),
      ]);
      return {
        published: !!report && report._count.versions > 0,
        actionItems: actions,
        canEditReport: allows(roles, "report.edit") || allows(roles, "report.comment"),
        canManageActions: allows(roles, "action.manage"),
      };
    },

    canEdit: async (actor: Actor, eventId: string) =>
      !!actor && allows(await rolesOf(db, eventId, actor.userId), "report.edit"),
  };
}

/** A ```chart block as the table of its figures, with a bar of ▇ for each row: Markdown has no pictures. */
export function chartAsTable(markdown: string, figures: ReportContent["figures"], head: [string, string]): string {
  return markdown.replace(/^```chart[ \t]*\n\s*([a-z_]+)\s*\n```[ \t]*$/gm, (_m, name: string) => {
    const rows = (figures as Record<string, { label: string; count: number }[] | undefined>)[name];
    if (!rows?.length) return "";
    const max = Math.max(...rows.map((r) => r.count), 1);
    const bar = (n: number) => "▇".repeat(Math.max(1, Math.round((n / max) * 20)));
    return [
      `| ${head[0]} | ${head[1]} |`,
      "| --- | --- |",
      ...rows.map((r) => `| ${md(r.label) || " "} | ${bar(r.count)} ${r.count} |`),
    ].join("\n");
  });
}

export function toMarkdown(c: ReportContent): string {
  const t = reportTexts(c.locale);
  const LABELS = t.labels;
  const head = [
    `# ${safeMarkdown(c.title)}`,
    "",
    `*${versionLine(c, LABELS)}*${c.version && c.changeNote ? ` — ${LABELS.changeNote}: ${markdownText(c.changeNote)}` : ""}`,
  ];
  // A machine-written paragraph keeps its label, on the line above it, as on the page.
  const body = c.sections.map((s) => {
    const text = markBlocks(chartAsTable(s.markdown, c.figures, [t.chartTitle, t.participants]), s.machine ?? [])
      .map((b) => (b.machine ? `*${t.machineDrafted}*\n\n${b.raw}` : b.raw))
      .join("");
    return s.key === "cover" ? safeMarkdown(text) : `## ${s.title}\n\n${safeMarkdown(text)}`;
  });
  return `${[...head, "", ...body.flatMap((b) => [b, ""])].join("\n").trim()}\n`;
}

export type ReportService = ReturnType<typeof createReportService>;
