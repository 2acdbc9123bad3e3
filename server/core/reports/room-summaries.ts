import { z } from "zod";
import type { Db } from "../../db/client";
import { boardAccess } from "../boards/access";
import { DomainError, forbidden } from "../errors";
import { type Actor, allows, rolesOf } from "../permissions";
import { validate } from "../validate";
import { summaryQuotes } from "../json-columns";
import { parseRoomSummary } from "./data";
import { zm } from "../i18n/zod-messages";
import { msg } from "../i18n/message";

const MAX_QUOTES = 5;
const formBoolean = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const summaryInput = z.object({
  observations: z.string().trim().max(6000).default(""),
  keyMessages: z.string().trim().max(4000).default(""),
  proposedActions: z.string().trim().max(4000).default(""),
  quotes: z
    .array(
      z.object({
        text: z.string().trim().max(500, zm("reports.quoteTooLong")).default(""),
        attribution: z.string().trim().max(200).default(""),
        consent: formBoolean.default(false),
      }),
    )
    .max(MAX_QUOTES, zm("reports.tooManyQuotes", { max: MAX_QUOTES }))
    .default([]),
});

/**
 * The rapporteur's structured summary of a room (general observations, including whose voices
 * carried; key messages; proposed actions; notable quotes, named only with consent), written
 * beside the room's board during and after the breakout, and used as such by the report.
 */
export function createRoomSummaryService({ db }: { db: Db }) {
  /** The room behind a board, and whether this person writes its summary: rapporteurs, facilitators, the secretariat, organisers. */
  async function access(actor: Actor, boardId: string) {
    const a = await boardAccess(db, actor, boardId);
    if (!a.board.room) throw new DomainError("validation", msg("reports.roomBoardsOnly"));
    const roles = await rolesOf(db, a.board.eventId, a.userId);
    const canWrite = allows(roles, "report.edit") || allows(roles, "breakout.manage");
    return { a, room: a.board.room, canWrite };
  }

  return {
    maxQuotes: MAX_QUOTES,

    /** Whether the board page offers the summary: a room's board, and someone who writes summaries. */
    async canWrite(actor: Actor, boardId: string) {
      try {
        const { canWrite } = await access(actor, boardId);
        return canWrite;
      } catch {
        return false;
      }
    },

    async view(actor: Actor, boardId: string) {
      const { a, room, canWrite } = await access(actor, boardId);
      if (!canWrite) throw forbidden(msg("reports.rapporteurOnly"));
      const s = await db.roomSummary.findUnique({
        where: { roomId: room.id },
        include: { updatedBy: { select: { name: true } } },
      });
      return {
        event: {
          slug: a.board.event.slug,
          title: a.board.event.title,
          chathamHouse: a.board.event.chathamHouse,
          timezone: a.board.event.timezone,
        },
        room: { id: room.id, name: room.name },
        summary: {
          observations: s?.observations ?? "",
          keyMessages: s?.keyMessages ?? "",
          proposedActions: s?.proposedActions ?? "",
          quotes: s ? parseRoomSummary(s).quotes : [],
        },
        updatedAt: s?.updatedAt.toISOString() ?? null,
        updatedBy: s?.updatedBy?.name ?? null,
      };
    },

    async save(actor: Actor, boardId: string, input: unknown) {
      const { a, room, canWrite } = await access(actor, boardId);
      if (!canWrite) throw forbidden(msg("reports.rapporteurOnly"));
      const data = validate(summaryInput, input);
      const fields = {
        observations: data.observations,
        keyMessages: data.keyMessages,
        proposedActions: data.proposedActions,
        quotesJson: summaryQuotes.write(data.quotes.filter((q) => q.text)),
        updatedById: a.userId,
      };
      await db.roomSummary.upsert({
        where: { roomId: room.id },
        create: { roomId: room.id, ...fields },
        update: fields,
      });
    },
  };
}

export type RoomSummaryService = ReturnType<typeof createRoomSummaryService>;
