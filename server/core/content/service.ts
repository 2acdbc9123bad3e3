import { z } from "zod";
import { msg } from "../i18n/message";
import { issueMessage } from "../i18n/zod-messages";
import type { Db } from "../../db/client";
import { questionsIn, roomOwnQuestions, roundQuestions } from "../breakouts/questions";
import { notFound, validationError } from "../errors";
import { optionalText } from "../forms";
import { type Actor, requirePermission } from "../permissions";
import { inEvent } from "../scope";
import { validate } from "../validate";
import { TRANSLATABLE, type TranslatableKind, type Translations, contentLanguage, inLanguage } from "./languages";
import { stringList, translations as translationsColumn } from "../json-columns";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** How long each translated field may be: as long as the original may be. */
const LIMITS: Record<TranslatableKind, Record<string, number>> = {
  event: { title: 200, description: 20_000 },
  agendaItem: { title: 200, description: 2000 },
  round: { title: 200, questions: 4000 },
  room: { name: 120, questions: 4000 },
};

/** Form keys: `event.title`, `agenda.<id>.title`, `round.<id>.questions`, `room.<id>.name`. */
const KEY = /^(event|agenda|round|room)(?:\.([\w-]{1,64}))?\.(\w+)$/;
const KIND_OF = { event: "event", agenda: "agendaItem", round: "round", room: "room" } as const;

const saveInput = z.object({ language: z.string().trim().min(2).max(10) }).passthrough();

/** One language's translations of a record, replaced as a whole (an empty field removes its translation). */
function withLanguage(stored: string, language: string, fields: Record<string, string>): string {
  const all: Translations = translationsColumn.read(stored);
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ""));
  if (Object.keys(kept).length) all[language] = kept;
  else delete all[language];
  return translationsColumn.write(all);
}

/**
 * The organisers' content in every working language: what the translations page shows and
 * saves, and the texts a board page shows in its reader's language.
 */
export function createContentService({ db }: { db: Db }) {
  async function load(eventId: string) {
    const event = await db.event.findUnique({
      where: { id: eventId },
      include: {
        agenda: { orderBy: [{ startsAt: "asc" }, { position: "asc" }] },
        rounds: { orderBy: { createdAt: "asc" }, include: { rooms: { orderBy: { position: "asc" } } } },
      },
    });
    if (!event) throw notFound("event");
    return event;
  }

  return {
    /** Every translatable text of an event, in its first language, with the translations given so far. */
    async sources(actor: Actor, eventId: string) {
      await requirePermission(db, actor, eventId, "event.manage");
      const event = await load(eventId);
      const languages = stringList.read(event.languagesJson);
      return {
        languages,
        event: {
          title: event.title,
          description: event.description,
          translations: translationsColumn.read(event.translationsJson),
        },
        agenda: event.agenda.map((a) => ({
          id: a.id,
          title: a.title,
          description: a.description,
          translations: translationsColumn.read(a.translationsJson),
        })),
        rounds: event.rounds.map((r) => ({
          id: r.id,
          title: r.title,
          questions: roundQuestions(r.questionsJson).join("\n"),
          translations: translationsColumn.read(r.translationsJson),
          rooms: r.rooms.map((room) => ({
            id: room.id,
            name: room.name,
            questions: roomOwnQuestions(room.question).join("\n"),
            translations: translationsColumn.read(room.translationsJson),
          })),
        })),
      };
    },

    /**
     * Saves one working language's translations (not the first: the content is written in it).
     * Every id is looked up in this event, so another event's items are "not found".
     */
    async save(actor: Actor, eventId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "event.manage");
      const { language, ...rest } = validate(saveInput, input);
      const event = await load(eventId);
      const languages = stringList.read(event.languagesJson);
      if (!languages.includes(language) || language === languages[0])
        throw validationError(msg("content.otherLanguage"), { language: [msg("content.otherLanguage")] });
      // Group the form's fields by what they translate.
      const groups = new Map<string, { kind: TranslatableKind; id: string; fields: Record<string, string> }>();
      for (const [key, value] of Object.entries(rest)) {
        const m = KEY.exec(key);
        if (!m) continue;
        const kind = KIND_OF[m[1] as keyof typeof KIND_OF];
        const id = kind === "event" ? eventId : (m[2] ?? "");
        const field = m[3]!;
        if (!(TRANSLATABLE[kind] as readonly string[]).includes(field)) continue;
        const parsed = optionalText(LIMITS[kind][field]!).safeParse(value);
        if (!parsed.success)
          throw validationError(msg("common.correctFields"), { [key]: parsed.error.issues.map(issueMessage) });
        const text = parsed.data;
        const g = groups.get(`${kind}:${id}`) ?? { kind, id, fields: {} };
        g.fields[field] = text;
        groups.set(g.kind + ":" + id, g);
      }
      const scope = inEvent(db, eventId);
      const writes: ((tx: Tx) => Promise<unknown>)[] = [];
      for (const g of groups.values()) {
        if (g.kind === "event") {
          writes.push((tx) =>
            tx.event.update({
              where: { id: eventId },
              data: { translationsJson: withLanguage(event.translationsJson, language, g.fields) },
            }),
          );
        } else if (g.kind === "agendaItem") {
          const item = await scope.agendaItem(g.id);
          writes.push((tx) =>
            tx.agendaItem.update({
              where: { id: item.id },
              data: { translationsJson: withLanguage(item.translationsJson, language, g.fields) },
            }),
          );
        } else if (g.kind === "round") {
          const round = await scope.round(g.id);
          writes.push((tx) =>
            tx.breakoutRound.update({
              where: { id: round.id },
              data: { translationsJson: withLanguage(round.translationsJson, language, g.fields) },
            }),
          );
        } else {
          const room = await scope.room(g.id);
          writes.push((tx) =>
            tx.room.update({
              where: { id: room.id },
              data: { translationsJson: withLanguage(room.translationsJson, language, g.fields) },
            }),
          );
        }
      }
      // Every id was checked before anything is written, so a form naming one foreign id changes nothing.
      await db.$transaction(async (tx) => {
        for (const w of writes) await w(tx);
      });
      return { language, saved: groups.size };
    },

    /** What a board's page shows about where it is, in `reader`'s language (the event's first when not a working one). */
    async forBoard(boardId: string, reader: string) {
      const board = await db.board.findUnique({
        where: { id: boardId },
        select: {
          title: true,
          event: { select: { title: true, translationsJson: true, languagesJson: true } },
          room: {
            select: {
              name: true,
              question: true,
              translationsJson: true,
              round: {
                select: { title: true, questionsJson: true, translationsJson: true, endsAt: true, status: true },
              },
            },
          },
        },
      });
      if (!board) throw notFound("board");
      const language = contentLanguage(reader, stringList.read(board.event.languagesJson));
      const eventTitle = inLanguage({ title: board.event.title }, board.event.translationsJson, language, [
        "title",
      ]).title;
      const room = board.room;
      if (!room) return { language, eventTitle, title: board.title, roundTitle: null, questions: [] as string[] };
      return {
        language,
        eventTitle,
        title: inLanguage({ name: room.name }, room.translationsJson, language, ["name"]).name,
        roundTitle: inLanguage({ title: room.round.title }, room.round.translationsJson, language, ["title"]).title,
        questions: questionsIn(room.round, room, language),
        roundEndsAt: room.round.status === "running" ? (room.round.endsAt?.toISOString() ?? null) : null,
      };
    },
  };
}

export type ContentService = ReturnType<typeof createContentService>;
