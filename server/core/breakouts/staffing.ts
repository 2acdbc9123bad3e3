import { eligible, type Person, reservedOf } from "./assign";

type Room = { id: string; name: string; constraintJson: string | null };
export type StaffRole = "facilitator" | "rapporteur";

/**
 * Why a room has no facilitator or rapporteur after an automatic assignment,
 * so the page can say it plainly instead of placing nobody in silence:
 * - "none": the event has nobody with this role (invite them through Team);
 * - "fewer": fewer people with this role than rooms;
 * - "reserved": the room is reserved and nobody with this role may sit there.
 */
export type StaffGap = { roomId: string; roomName: string; role: StaffRole; reason: "none" | "fewer" | "reserved" };

export type StaffReport = {
  rooms: number;
  facilitators: number;
  rapporteurs: number;
  gaps: StaffGap[];
};

export function staffGaps(people: Person[], rooms: Room[], placed: Map<string, string[]>): StaffReport {
  const roleOf = new Map(people.map((p) => [p.id, p.role]));
  const count = (role: StaffRole) => people.filter((p) => p.role === role).length;
  const gaps: StaffGap[] = [];
  for (const role of ["facilitator", "rapporteur"] as const) {
    const total = count(role);
    for (const room of rooms) {
      if ((placed.get(room.id) ?? []).some((id) => roleOf.get(id) === role)) continue;
      const spec = { id: room.id, gender: reservedOf(room.constraintJson) };
      const reason =
        total === 0
          ? "none"
          : spec.gender && !people.some((p) => p.role === role && eligible(p, spec))
            ? "reserved"
            : "fewer";
      gaps.push({ roomId: room.id, roomName: room.name, role, reason });
    }
  }
  return { rooms: rooms.length, facilitators: count("facilitator"), rapporteurs: count("rapporteur"), gaps };
}
