import { z } from "zod";
import { formBoolean, lineList, optionalHttpUrl, optionalInt, optionalText, requiredText } from "../forms";
import { zm } from "../i18n/zod-messages";

export const ASSIGNMENT_MODES = ["auto", "manual", "self_select"] as const;

export const roundInput = z
  .object({
    title: requiredText(200, zm("breakouts.title")),
    agendaItemId: z.preprocess((v) => (v === "" ? null : v), z.string().max(64).nullable().optional()),
    roomCount: optionalInt(1, 50, zm("breakouts.roomCount")).refine((v) => v !== null, zm("breakouts.roomCount")),
    roomNames: lineList(50, 120),
    // One per line (a comma belongs to a question, so lines only).
    questions: z.preprocess(
      (v) =>
        (Array.isArray(v) ? v : typeof v === "string" ? v.split("\n") : [])
          .map((x) => String(x).trim())
          .filter(Boolean),
      z
        .array(z.string().max(1000, zm("breakouts.questionTooLong")))
        .max(50, zm("breakouts.tooManyQuestions", { max: 50 })),
    ),
    /** "all": every question to every room; "each": one question per room, in order. */
    questionsFor: z.enum(["all", "each"], { error: zm("breakouts.questionMode") }).default("all"),
    durationMinutes: optionalInt(1, 480, zm("breakouts.duration")).refine((v) => v !== null, zm("breakouts.duration")),
    categories: lineList(8, 60),
    assignmentMode: z.enum(ASSIGNMENT_MODES).default("auto"),
  })
  .superRefine((r, ctx) => {
    if (r.roomNames.length > (r.roomCount ?? 0))
      ctx.addIssue({ code: "custom", path: ["roomNames"], message: zm("breakouts.tooManyNames") });
    if (r.questionsFor === "each" && r.questions.length !== r.roomCount) {
      ctx.addIssue({
        code: "custom",
        path: ["questions"],
        message: zm("breakouts.questionPerRoom", { count: r.roomCount ?? 0 }),
      });
    }
  });

export const roomInput = z.object({
  name: requiredText(120, zm("breakouts.roomName")),
  // This room's own questions, one per line, beside those every room of the round discusses.
  question: optionalText(3000),
  meetingUrl: optionalHttpUrl,
  reservedFor: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""), z.string().max(40)),
  capacity: optionalInt(1, 1000, zm("breakouts.roomCap")),
});

export const assignInput = z.object({
  seed: optionalInt(0, 2 ** 31 - 1, zm("breakouts.seed")),
  balanceBy: z.enum(["category", "language"]).default("category"),
  splitCity: formBoolean,
  staffOnePerRoom: formBoolean,
});

export const extendInput = z.object({
  minutes: optionalInt(1, 120, zm("breakouts.extendBy")).refine((v) => v !== null, zm("breakouts.extendBy")),
});
export const messageInput = z.object({ message: requiredText(500, zm("events.writeMessage")) });
export const helpInput = z.object({ message: optionalText(300) });

/** Roles inside a room; event-wide roles such as organiser are never granted from here. */
export const ROOM_ROLES = ["participant", "facilitator", "rapporteur"] as const;
export const roomRoleInput = z.object({
  role: z.enum(ROOM_ROLES, { error: zm("breakouts.roomRole") }),
});

/** The questions every room of a round discusses, one per line. */
export const roundQuestionsInput = z.object({
  questions: z.preprocess(
    (v) =>
      (typeof v === "string" ? v.split("\n") : Array.isArray(v) ? v : []).map((x) => String(x).trim()).filter(Boolean),
    z
      .array(z.string().max(1000, zm("breakouts.questionTooLong")))
      .max(20, zm("breakouts.tooManyQuestions", { max: 20 })),
  ),
});
