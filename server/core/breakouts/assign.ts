import { roomConstraint } from "../json-columns";
/**
 * Balanced breakout assignment: pure and deterministic for a given seed.
 *
 * People are sorted by stakeholder category, then organisation (or city), and
 * dealt round-robin over the rooms. Dealing a sorted sequence round-robin puts
 * every consecutive block, so every category and every organisation within it,
 * into the rooms as evenly as possible (counts differ by at most one), and the
 * room sizes too. Locked people, staff placed first and rooms reserved to some
 * participants (a women-only room) are placed before the deal.
 */

export type Person = {
  id: string;
  category: string;
  organisation: string;
  city: string;
  language: string;
  gender: string | null;
  role: "participant" | "facilitator" | "rapporteur";
  /** A locked assignment the algorithm must keep. */
  lockedRoom?: string | null;
  /** Staff invited through Team without registering: placed only as staff, never dealt as a participant. */
  staffOnly?: boolean;
};

export type RoomSpec = {
  id: string;
  /** Only people with this self-described gender may be placed here (e.g. a room reserved to women). */
  gender?: string | null;
};

export type AssignOptions = {
  seed: number;
  /** Also split people of the same city across rooms (instead of organisations first). */
  splitCity?: boolean;
  /** Rooms per language instead of mixed rooms: each room gets one language. */
  byLanguage?: boolean;
  /** Facilitators and rapporteurs first: one of each per room where possible, any others spread evenly. */
  staffOnePerRoom?: boolean;
};

export type Assignment = { rooms: Map<string, string[]>; roomLanguage: Map<string, string>; unplaced: string[] };

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const norm = (s: string) => s.trim().toLowerCase();

/** Whom a room is reserved to (its stored constraint, `{"gender": "woman"}`), or null when it is open to all. */
export const reservedOf = (constraintJson: string | null) => roomConstraint.read(constraintJson)?.gender ?? null;

export function eligible(person: Person, room: RoomSpec) {
  return !room.gender || (person.gender !== null && norm(person.gender) === norm(room.gender));
}

/**
 * Final sizes: everyone placed, sizes as even as the rooms already filled
 * allow, larger shares going to the rooms first in `order`.
 */
function waterFill(order: string[], current: Map<string, number>, toPlace: number): Map<string, number> {
  const target = new Map(order.map((id) => [id, current.get(id) ?? 0]));
  for (let left = toPlace; left > 0; left--) {
    let best = order[0]!;
    for (const id of order) if (target.get(id)! < target.get(best)!) best = id;
    target.set(best, target.get(best)! + 1);
  }
  return target;
}

export function assignRooms(people: Person[], rooms: RoomSpec[], options: AssignOptions): Assignment {
  const rand = prng(options.seed);
  const result = new Map(rooms.map((r) => [r.id, [] as string[]]));
  const roomLanguage = new Map<string, string>();
  if (rooms.length === 0) return { rooms: result, roomLanguage, unplaced: people.map((p) => p.id) };

  // Seeded order of rooms, and of people within their groups: same seed, same result.
  const roomOrder = rooms
    .map((r) => ({ r, k: rand() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r);
  const jitter = new Map(people.map((p) => [p.id, rand()]));

  if (options.byLanguage) return assignByLanguage(people, roomOrder, options, result, roomLanguage);

  const roomOf = new Map<string, string>();
  const place = (p: Person, roomId: string) => {
    result.get(roomId)!.push(p.id);
    roomOf.set(p.id, roomId);
  };
  const sizes = () => new Map(rooms.map((r) => [r.id, result.get(r.id)!.length]));
  const sortKey = (a: Person, b: Person) =>
    a.category.localeCompare(b.category) ||
    (options.splitCity
      ? norm(a.city).localeCompare(norm(b.city))
      : norm(a.organisation).localeCompare(norm(b.organisation))) ||
    jitter.get(a.id)! - jitter.get(b.id)!;

  // 1. Locked assignments stay.
  for (const p of people) if (p.lockedRoom && result.has(p.lockedRoom)) place(p, p.lockedRoom);

  // 2. Staff: facilitators, then rapporteurs, each to the room (they may sit in) with the
  //    fewest of their role, so every room gets one before any gets two. People who may
  //    sit in fewer rooms (a room reserved to women) choose first, and rooms fewer
  //    people may enter are filled first.
  const unplaced: string[] = [];
  if (options.staffOnePerRoom) {
    const roleOf = new Map(people.map((p) => [p.id, p.role]));
    const openTo = (r: RoomSpec) => people.filter((p) => eligible(p, r)).length;
    for (const role of ["facilitator", "rapporteur"] as const) {
      const staff = people
        .filter((p) => p.role === role && !roomOf.has(p.id))
        .map((p) => ({ p, choices: roomOrder.filter((r) => eligible(p, r)).length }))
        .sort((a, b) => a.choices - b.choices || jitter.get(a.p.id)! - jitter.get(b.p.id)!)
        .map((x) => x.p);
      for (const s of staff) {
        const rooms = roomOrder.filter((r) => eligible(s, r));
        if (!rooms.length) continue;
        const count = (r: RoomSpec) => result.get(r.id)!.filter((id) => roleOf.get(id) === role).length;
        const best = rooms.reduce((a, b) =>
          count(b) < count(a) || (count(b) === count(a) && openTo(b) < openTo(a)) ? b : a,
        );
        place(s, best.id);
      }
    }
  }
  // Staff who registered take part like anyone else when not placed as staff; the others wait to be placed by hand.
  for (const p of people) if (p.staffOnly && !roomOf.has(p.id)) unplaced.push(p.id);

  const remaining = () => people.filter((p) => !roomOf.has(p.id) && !p.staffOnly);
  const reserved = roomOrder.filter((r) => r.gender);
  const open = roomOrder.filter((r) => !r.gender);

  // 3. Reserved rooms take their fair share from the people they may hold,
  //    sampled evenly along the sorted list so their mix stays balanced too.
  let target = waterFill(
    roomOrder.map((r) => r.id),
    sizes(),
    remaining().length,
  );
  for (const r of reserved) {
    const candidates = remaining()
      .filter((p) => eligible(p, r))
      .sort(sortKey);
    const need = Math.min(candidates.length, Math.max(0, target.get(r.id)! - result.get(r.id)!.length));
    for (let j = 0; j < need; j++) place(candidates[Math.floor((j * candidates.length) / need)]!, r.id);
  }

  // 4. Everyone else, dealt round-robin over the open rooms (or over the
  //    reserved ones, for the people they may hold, when there is no open room).
  const dealRooms = open.length ? open : reserved;
  const queue = remaining().sort(sortKey);
  target = waterFill(
    dealRooms.map((r) => r.id),
    sizes(),
    queue.filter((p) => dealRooms.some((r) => eligible(p, r))).length,
  );
  let pointer = 0;
  for (const p of queue) {
    let placed = false;
    for (let k = 0; k < dealRooms.length && !placed; k++) {
      const r = dealRooms[(pointer + k) % dealRooms.length]!;
      if (!eligible(p, r) || result.get(r.id)!.length >= target.get(r.id)!) continue;
      place(p, r.id);
      pointer = (pointer + k + 1) % dealRooms.length;
      placed = true;
    }
    if (!placed) unplaced.push(p.id);
  }
  return { rooms: result, roomLanguage, unplaced };
}

/** Rooms shared out between languages in proportion to their speakers, then mixed within each language. */
function assignByLanguage(
  people: Person[],
  roomOrder: RoomSpec[],
  options: AssignOptions,
  result: Map<string, string[]>,
  roomLanguage: Map<string, string>,
): Assignment {
  const byLang = new Map<string, Person[]>();
  for (const p of people) byLang.set(p.language || "en", [...(byLang.get(p.language || "en") ?? []), p]);
  const share = [...byLang.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([lang, ps]) => ({ lang, ps, rooms: [] as RoomSpec[] }));
  const unplaced: string[] = [];
  if (share.length === 0) return { rooms: result, roomLanguage, unplaced };
  roomOrder.forEach((room, i) => {
    // Each language gets a room first (largest first); then rooms go where they would be fullest.
    const target =
      i < share.length
        ? share[i]!
        : share.reduce((a, b) => (b.ps.length / (b.rooms.length + 1) > a.ps.length / (a.rooms.length + 1) ? b : a));
    target.rooms.push(room);
  });
  for (const s of share) {
    if (s.rooms.length === 0) {
      unplaced.push(...s.ps.map((p) => p.id));
      continue;
    }
    for (const r of s.rooms) roomLanguage.set(r.id, s.lang);
    const sub = assignRooms(s.ps, s.rooms, { ...options, byLanguage: false });
    for (const [id, members] of sub.rooms) result.set(id, members);
    unplaced.push(...sub.unplaced);
  }
  return { rooms: result, roomLanguage, unplaced };
}
