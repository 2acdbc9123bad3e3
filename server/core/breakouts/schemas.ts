import { z } from "zod";
import { formBoolean, lineList, optionalHttpUrl, optionalInt, optionalText, requiredText } from "../forms";

export const ASSIGNMENT_MODES = ["auto", "manual", "self_select"] as const;

export const roundInput = z
  .object({
    title: requiredText(200, "Give the round a title."),
    agendaItemId: z.preprocess((v) => (v === "" ? null : v), z.string().max(64).nullable().optional()),
    roomCount: optionalInt(1, 50, "Between 1 and 50 rooms.").refine((v) => v !== null, "Between 1 and 50 rooms."),
    roomNames: lineList(50, 120),
    // One per line (a comma belongs to a question, so lines only).
    questions: z.preprocess(
      (v) =>
        (Array.isArray(v) ? v : typeof v === "string" ? v.split("\n") : [])
          .map((x) => String(x).trim())
          .filter(Boolean),
      z.array(z.string().max(1000, "Each question must be at most 1,000 characters.")).max(50, "At most 50 questions."),
    ),
    /** "all": every question to every room; "each": one question per room, in order. */
    questionsFor: z
      .enum(["all", "each"], { error: "Choose whether the questions go to every room or one to each." })
      .default("all"),
    durationMinutes: optionalInt(1, 480, "A duration between 1 and 480 minutes.").refine(
      (v) => v !== null,
      "A duration between 1 and 480 minutes.",
    ),
    categories: lineList(8, 60),
    assignmentMode: z.enum(ASSIGNMENT_MODES).default("auto"),
  })
  .superRefine((r, ctx) => {
    if (r.roomNames.length > (r.roomCount ?? 0))
      ctx.addIssue({ code: "custom", path: ["roomNames"], message: "More room names than rooms." });
    if (r.questionsFor === "each" && r.questions.length !== r.roomCount) {
      ctx.addIssue({
        code: "custom",
        path: ["questions"],
        message: `One question per room: give ${r.roomCount} questions (one per line), or ask every room all of them.`,
      });
    }
  });

export const roomInput = z.object({
  name: requiredText(120, "Give the room a name."),
  // This room's own questions, one per line, beside those every room of the round discusses.
  question: optionalText(3000, "This room's questions"),
  meetingUrl: optionalHttpUrl,
  reservedFor: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""), z.string().max(40)),
  capacity: optionalInt(1, 1000, "A cap of at least 1 (or empty)."),
});

export const assignInput = z.object({
  seed: optionalInt(0, 2 ** 31 - 1, "The seed is a whole number."),
  balanceBy: z.enum(["category", "language"]).default("category"),
  splitCity: formBoolean,
  staffOnePerRoom: formBoolean,
});

export const extendInput = z.object({
  minutes: optionalInt(1, 120, "Extend by 1 to 120 minutes.").refine((v) => v !== null, "Extend by 1 to 120 minutes."),
});
export const messageInput = z.object({ message: requiredText(500, "Write a message.") });
export const helpInput = z.object({ message: optionalText(300, "The message") });

/** Roles inside a room; event-wide roles such as organiser are never granted from here. */
export const ROOM_ROLES = ["participant", "facilitator", "rapporteur"] as const;
export const roomRoleInput = z.object({
  role: z.enum(ROOM_ROLES, { error: "A room role is participant, facilitator or rapporteur." }),
});

/** The questions every room of a round discusses, one per line. */
export const roundQuestionsInput = z.object({
  questions: z.preprocess(
    (v) =>
      (typeof v === "string" ? v.split("\n") : Array.isArray(v) ? v : []).map((x) => String(x).trim()).filter(Boolean),
    z.array(z.string().max(1000, "Each question must be at most 1,000 characters.")).max(20, "At most 20 questions."),
  ),
});
