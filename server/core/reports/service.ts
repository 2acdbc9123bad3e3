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
import { htmlToPdf } from "./pdf";
import { reportDocument } from "./render-html";
import { type ReportFigures, type SectionKey, SECTION_KEYS, generateSections } from "./sections";
import { REPORT_LOCALES, reportTexts } from "./texts";

export const REPORT_FORMATS = ["pdf", "docx", "md", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

const sectionKey = z.enum(SECTION_KEYS, { error: "Unknown report section." });
const editInput = z.object({
  key: sectionKey,
  markdown: z.string().max(50_000, "A section holds at most 50,000 characters."),
});
const commentInput = z.object({
  key: sectionKey,
  body: z.string().trim().min(1, "Write a comment first.").max(2000, "At most 2,000 characters."),
});
const publishInput = z.object({ changeNote: z.string().trim().max(500, "At most 500 characters.").default("") });
const resourceInput = z.object({
  title: z.string().trim().min(1, "Give the link a title.").max(200, "At most 200 characters."),
  url: z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://." }).max(2000),
});
const withdrawInput = z.object({
  notice: z
    .string()
    .trim()
    .min(1, "Say why the report is withdrawn: readers will see it.")
    .max(1000, "At most 1,000 characters."),
});

/**
 * Summary reports: generated from the event, edited section by section,
 * reviewed, approved, published as immutable numbered versions, withdrawn
 * with a notice. Published files are rendered once and served byte for byte.
 */
export function createReportService({ db, clock, engine }: { db: Db; clock: Clock; engine: ClusteringEngine }) {
  const eventOf = async (slug: string) => {
    const e = await db.event.findUnique({
      where: { slug },
      select: { id: true, slug: true, title: true, timezone: true },
    });
    if (!e) throw notFound("This event");
    return e;
  };
  const reportOf = (eventId: string) =>
    db.report.findUnique({ where: { eventId }, include: { sections: { orderBy: { position: "asc" } } } });

  async function audit(eventId: string, actorId: string | null, action: string, details: Record<string, unknown>) {
    await db.auditLog.create({ data: { eventId, actorId, action, detailsJson: JSON.stringify(details) } });
  }

  /** Generates a draft, or regenerates one: sections nobody edited are replaced; edited ones get the new text as a proposal. */
  async function generateFor(eventId: string, actorId: string | null) {
    const existing = await reportOf(eventId);
    const locale = existing?.locale ?? "en";
    const { sections, figures } = generateSections(await loadReportData(db, eventId, engine), locale);
    const figuresJson = JSON.stringify(figures);
    await db.$transaction(async (tx) => {
      const report = existing ?? (await tx.report.create({ data: { eventId, locale } }));
      await tx.report.update({
        where: { id: report.id },
        data: {
          figuresJson,
          ...(existing && existing.status !== "draft" && existing.status !== "in_review" ? { status: "draft" } : {}),
        },
      });
      for (const [position, s] of sections.entries()) {
        const old = existing?.sections.find((x) => x.key === s.key);
        if (!old)
          await tx.reportSection.create({
            data: {
              reportId: report.id,
              key: s.key,
              position,
              title: s.title,
              generatedMarkdown: s.markdown,
              markdown: s.markdown,
            },
          });
        else if (!old.edited)
          await tx.reportSection.update({
            where: { id: old.id },
            data: { title: s.title, generatedMarkdown: s.markdown, markdown: s.markdown, pendingMarkdown: null },
          });
        else
          await tx.reportSection.update({
            where: { id: old.id },
            data: { title: s.title, pendingMarkdown: s.markdown === old.generatedMarkdown ? null : s.markdown },
          });
      }
    });
    await audit(eventId, actorId, existing ? "report.regenerate" : "report.generate", {});
  }

  async function draftContent(eventId: string): Promise<ReportContent> {
    const event = await db.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { slug: true, title: true, timezone: true },
    });
    const report = await reportOf(eventId);
    if (!report) throw notFound("A report for this event");
    return {
      title: event.title,
      locale: report.locale,
      eventSlug: event.slug,
      timezone: event.timezone,
      version: null,
      publishedAt: null,
      changeNote: "",
      sections: report.sections.map((s) => ({ key: s.key as SectionKey, title: s.title, markdown: s.markdown })),
      figures: JSON.parse(report.figuresJson) as ReportFigures,
      actionItems: await actionSnapshot(eventId),
    };
  }

  async function actionSnapshot(eventId: string): Promise<ReportContent["actionItems"]> {
    const items = await db.actionItem.findMany({
      where: { eventId },
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
      from: i.cluster?.label ?? null,
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
      case "docx":
        return reportDocx(content, reportTexts(content.locale).labels);
      case "pdf": {
        const labels = reportTexts(content.locale).labels;
        return htmlToPdf(
          reportDocument(content, labels),
          `${content.title} · ${content.version ? `${labels.version} ${content.version}` : labels.draft}`,
        );
      }
    }
  }

  async function staffRoles(actor: Actor, eventId: string): Promise<EventRole[]> {
    if (!actor) throw new DomainError("unauthenticated", "Please sign in to continue.");
    const roles = await rolesOf(db, eventId, actor.userId);
    if (!allows(roles, "report.comment") && !allows(roles, "report.edit"))
      throw forbidden("Only the event's team can see the report before it is published.");
    return roles;
  }

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
      return {
        event,
        can: {
          edit: allows(roles, "report.edit"),
          comment: allows(roles, "report.comment"),
          publish: allows(roles, "report.publish"),
        },
        report: report && {
          status: report.status,
          locale: report.locale,
          withdrawnNotice: report.withdrawnNotice,
          figures: JSON.parse(report.figuresJson) as ReportFigures,
          sections: report.sections.map((s) => ({
            key: s.key,
            title: s.title,
            markdown: s.markdown,
            edited: s.edited,
            pendingMarkdown: s.pendingMarkdown,
            generatedMarkdown: s.generatedMarkdown,
          })),
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
          })),
        },
      };
    },

    async generate(actor: Actor, slug: string) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "report.edit");
      await generateFor(event.id, user.userId);
    },

    async editSection(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "report.edit");
      const { key, markdown } = validate(editInput, input);
      const report = await reportOf(event.id);
      const section = report?.sections.find((s) => s.key === key);
      if (!report || !section) throw notFound("This report section");
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
      if (!section?.pendingMarkdown) throw conflict("There is no new generated text for this section.");
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
        z.object({ locale: z.enum(REPORT_LOCALES, { error: "Choose English, French, Spanish or Arabic." }) }),
        input,
      );
      const report = await reportOf(event.id);
      if (!report) throw notFound("A report for this event");
      await db.report.update({ where: { id: report.id }, data: { locale } });
      await generateFor(event.id, user.userId);
    },

    async comment(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "report.comment");
      const { key, body } = validate(commentInput, input);
      const report = await reportOf(event.id);
      if (!report) throw notFound("A report for this event");
      await db.reportComment.create({ data: { reportId: report.id, sectionKey: key, userId: user.userId, body } });
    },

    async transition(actor: Actor, slug: string, action: string) {
      const event = await eventOf(slug);
      const rule = transitions[action];
      if (!rule) throw new DomainError("validation", "Unknown report action.");
      const user = await requirePermission(db, actor, event.id, rule.permission);
      const report = await reportOf(event.id);
      if (!report) throw notFound("A report for this event");
      if (!rule.from.includes(report.status))
        throw conflict(
          `The report is ${report.status.replace("_", " ")}; it cannot be ${action === "submit" ? "sent for review" : action === "approve" ? "approved" : "reopened"} now.`,
        );
      await db.report.update({ where: { id: report.id }, data: { status: rule.to } });
      await audit(event.id, user.userId, `report.${action}`, {});
    },

    /** Freezes the approved draft as the next numbered version; a correction needs a change note. */
    async publish(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "report.publish");
      const { changeNote } = validate(publishInput, input);
      const report = await reportOf(event.id);
      if (!report) throw notFound("A report for this event");
      if (report.status !== "approved") throw conflict("Only an approved report can be published.");
      const last = await db.reportVersion.findFirst({ where: { reportId: report.id }, orderBy: { number: "desc" } });
      if (last && !changeNote)
        throw new DomainError("validation", "Say what changed since the last version.", {
          changeNote: ["A correction needs a change note."],
        });
      const number = (last?.number ?? 0) + 1;
      const publishedAt = clock.now();
      const content: ReportContent = {
        ...(await draftContent(event.id)),
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
            contentJson: JSON.stringify(content),
            publishedAt,
            publishedById: user.userId,
          },
        }),
        db.report.update({ where: { id: report.id }, data: { status: "published", withdrawnNotice: null } }),
      ]);
      await audit(event.id, user.userId, "report.publish", { version: number });
      return { version: number };
    },

    async withdraw(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "report.publish");
      const { notice } = validate(withdrawInput, input);
      const report = await reportOf(event.id);
      if (!report || !(await db.reportVersion.count({ where: { reportId: report.id } })))
        throw conflict("Nothing has been published, so there is nothing to withdraw.");
      await db.report.update({ where: { id: report.id }, data: { status: "withdrawn", withdrawnNotice: notice } });
      await audit(event.id, user.userId, "report.withdraw", { notice });
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
        if (versionNumber !== undefined) throw notFound(`Version ${versionNumber} of this report`);
        return { event, withdrawn: null, content: null, versions: [] };
      }
      if (report.status === "withdrawn")
        return { event, withdrawn: report.withdrawnNotice ?? "", content: null, versions: [] };
      const number = versionNumber ?? versions[0]!.number;
      const v = await db.reportVersion.findUnique({ where: { reportId_number: { reportId: report.id, number } } });
      if (!v) throw notFound(`Version ${number} of this report`);
      return {
        event,
        withdrawn: null,
        content: JSON.parse(v.contentJson) as ReportContent,
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
      const fmt = validate(z.enum(REPORT_FORMATS, { error: "Choose pdf, docx, md or csv." }), format);
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
      if (withdrawn !== null) throw new DomainError("not_found", "This report was withdrawn.");
      if (!content) throw notFound("A published report for this event");
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
      const fmt = validate(z.enum(REPORT_FORMATS, { error: "Choose pdf, docx, md or csv." }), format);
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

export function toMarkdown(c: ReportContent): string {
  const LABELS = reportTexts(c.locale).labels;
  const head = [
    `# ${safeMarkdown(c.title)}`,
    "",
    c.version
      ? `*${LABELS.version} ${c.version}, ${c.publishedAt?.slice(0, 10)}*${c.changeNote ? ` — ${LABELS.changeNote}: ${markdownText(c.changeNote)}` : ""}`
      : `*${LABELS.draft}*`,
  ];
  const body = c.sections.map((s) =>
    s.key === "cover" ? safeMarkdown(s.markdown) : `## ${s.title}\n\n${safeMarkdown(s.markdown)}`,
  );
  return `${[...head, "", ...body.flatMap((b) => [b, ""])].join("\n").trim()}\n`;
}

export type ReportService = ReturnType<typeof createReportService>;
