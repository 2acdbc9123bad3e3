import { z } from "zod";
import { formBoolean, lineList, optionalHttpUrl, optionalInt, optionalText, requiredText } from "../forms";

export const ASSIGNMENT_MODES = ["auto", "manual", "self_select"] as const;

export const roundInput = z
  .object({
    title: requiredText(200, "Give the round a title."),
    agendaItemId: z.preprocess((v) => (v === "" ? null : v), z.string().max(64).nullable().optional()),
    roomCount: optionalInt(1, 50, "Between 1 and 50 rooms.").refine((v) => v !== null, "Between 1 and 50 rooms."),
    roomNames: lineList(50, 120),
    questions: lineList(50, 1000),
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
    if (r.questions.length > 1 && r.questions.length !== r.roomCount) {
      ctx.addIssue({
        code: "custom",
        path: ["questions"],
        message: "Give one question for all rooms, or one per room (one per line).",
      });
    }
  });

export const roomInput = z.object({
  name: requiredText(120, "Give the room a name."),
  question: optionalText(1000, "The question"),
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
