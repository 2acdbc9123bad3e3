import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Person, type RoomSpec, assignRooms, eligible } from "../../server/core/breakouts/assign";

const CATEGORIES = [
  "local_government",
  "national_government",
  "international_org",
  "civil_society",
  "migrant_led",
  "academia",
  "city_network",
  "private_sector",
  "other",
];

const personArb = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  organisation: fc.constantFrom(
    "City of Tunis",
    "IOM",
    "UN Women",
    "University of Ghana",
    "Red Cross",
    "Diaspora Mothers",
    "Chamber of Commerce",
    "Independent",
  ),
  city: fc.constantFrom("Tunis", "Amman", "Barcelona", "São Paulo", "Dakar", "Manila"),
  language: fc.constantFrom("en", "fr", "es", "ar"),
  gender: fc.constantFrom("woman", "man", null, "non-binary"),
  role: fc.constantFrom("participant", "participant", "participant", "participant", "facilitator", "rapporteur"),
});

const population = (min = 0, max = 120) =>
  fc
    .array(personArb, { minLength: min, maxLength: max })
    .map((ps) => ps.map((p, i) => ({ ...p, id: `p${i}` }) as Person));

const roomsArb = fc
  .integer({ min: 1, max: 8 })
  .map((n) => Array.from({ length: n }, (_, i) => ({ id: `r${i}` }) as RoomSpec));

function everyoneOnce(people: Person[], rooms: Map<string, string[]>, unplaced: string[]) {
  const seen = [...rooms.values()].flat().concat(unplaced);
  expect(seen.sort()).toEqual(people.map((p) => p.id).sort());
}

const spread = (counts: number[]) => Math.max(...counts) - Math.min(...counts);

describe("balanced room assignment (property tests)", () => {
  it("places everybody exactly once, in rooms whose sizes differ by at most one", () => {
    fc.assert(
      fc.property(population(), roomsArb, fc.integer(), (people, rooms, seed) => {
        const a = assignRooms(people, rooms, { seed });
        everyoneOnce(people, a.rooms, a.unplaced);
        expect(a.unplaced).toEqual([]);
        expect(spread(rooms.map((r) => a.rooms.get(r.id)!.length))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("spreads every stakeholder category evenly: per category, room counts differ by at most one", () => {
    fc.assert(
      fc.property(population(), roomsArb, fc.integer(), (people, rooms, seed) => {
        const a = assignRooms(people, rooms, { seed });
        for (const c of CATEGORIES) {
          const counts = rooms.map(
            (r) => a.rooms.get(r.id)!.filter((id) => people.find((p) => p.id === id)!.category === c).length,
          );
          expect(spread(counts)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("splits people of one organisation across rooms as far as categories allow", () => {
    fc.assert(
      fc.property(population(20, 100), roomsArb, fc.integer(), (people, rooms, seed) => {
        const a = assignRooms(people, rooms, { seed });
        for (const c of CATEGORIES) {
          const group = people.filter((p) => p.category === c);
          for (const org of new Set(group.map((p) => p.organisation))) {
            const counts = rooms.map(
              (r) => a.rooms.get(r.id)!.filter((id) => group.some((p) => p.id === id && p.organisation === org)).length,
            );
            expect(spread(counts)).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic for a seed", () => {
    fc.assert(
      fc.property(population(), roomsArb, fc.integer(), (people, rooms, seed) => {
        expect(assignRooms(people, rooms, { seed })).toEqual(assignRooms(people, rooms, { seed }));
      }),
      { numRuns: 50 },
    );
  });

  it("respects a room reserved to women, filling it only with women", () => {
    fc.assert(
      fc.property(population(0, 90), fc.integer({ min: 2, max: 6 }), fc.integer(), (people, n, seed) => {
        const rooms: RoomSpec[] = Array.from({ length: n }, (_, i) => ({
          id: `r${i}`,
          gender: i === 0 ? "woman" : null,
        }));
        const a = assignRooms(people, rooms, { seed });
        everyoneOnce(people, a.rooms, a.unplaced);
        expect(a.unplaced).toEqual([]);
        for (const id of a.rooms.get("r0")!)
          expect(
            eligible(
              people.find((p) => p.id === id)!,
              rooms[0]!,
            ),
          ).toBe(true);
        const women = people.filter((p) => p.gender === "woman").length;
        // Feasible: enough women for a full share, then every room is within one of the others.
        if (women >= Math.ceil(people.length / n))
          expect(spread(rooms.map((r) => a.rooms.get(r.id)!.length))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps locked assignments", () => {
    fc.assert(
      fc.property(
        population(1, 80),
        roomsArb,
        fc.integer(),
        fc.integer({ min: 0, max: 79 }),
        (people, rooms, seed, k) => {
          const locked = people[k % people.length]!;
          const room = rooms[k % rooms.length]!.id;
          const a = assignRooms(
            people.map((p) => (p.id === locked.id ? { ...p, lockedRoom: room } : p)),
            rooms,
            { seed },
          );
          expect(a.rooms.get(room)).toContain(locked.id);
          everyoneOnce(people, a.rooms, a.unplaced);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("puts one facilitator and one rapporteur in each room when there are enough", () => {
    fc.assert(
      fc.property(population(10, 100), roomsArb, fc.integer(), (people, rooms, seed) => {
        const a = assignRooms(people, rooms, { seed, staffOnePerRoom: true });
        everyoneOnce(people, a.rooms, a.unplaced);
        for (const role of ["facilitator", "rapporteur"] as const) {
          const total = people.filter((p) => p.role === role).length;
          const per = rooms.map(
            (r) => a.rooms.get(r.id)!.filter((id) => people.find((p) => p.id === id)!.role === role).length,
          );
          if (total >= rooms.length) expect(Math.min(...per)).toBeGreaterThanOrEqual(1);
          else expect(Math.max(...per)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("spreads all staff evenly and never deals staff who did not register as participants", () => {
    fc.assert(
      fc.property(
        population(0, 60),
        fc.integer({ min: 0, max: 12 }),
        roomsArb,
        fc.integer(),
        (people, extra, rooms, seed) => {
          // Facilitators and rapporteurs invited through Team, with no registration.
          const team = Array.from({ length: extra }, (_, i) => ({
            id: `staff${i}`,
            category: "other",
            organisation: "",
            city: "",
            language: "en",
            gender: null,
            role: i % 2 ? "rapporteur" : "facilitator",
            staffOnly: true,
          })) as Person[];
          const everyone = [...people, ...team];
          const a = assignRooms(everyone, rooms, { seed, staffOnePerRoom: true });
          everyoneOnce(everyone, a.rooms, a.unplaced);
          expect(a.unplaced).toEqual([]);
          for (const role of ["facilitator", "rapporteur"] as const) {
            const per = rooms.map(
              (r) => a.rooms.get(r.id)!.filter((id) => everyone.find((p) => p.id === id)!.role === role).length,
            );
            expect(spread(per)).toBeLessThanOrEqual(1);
          }
          // Without the option, unregistered staff wait to be placed by hand.
          const b = assignRooms(everyone, rooms, { seed });
          expect(b.unplaced.sort()).toEqual(team.map((p) => p.id).sort());
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gives a room reserved to women a facilitator who may sit there, when there is one", () => {
    const staff = (id: string, gender: string | null): Person => ({
      id,
      category: "other",
      organisation: "",
      city: "",
      language: "en",
      gender,
      role: "facilitator",
      staffOnly: true,
    });
    const rooms: RoomSpec[] = [{ id: "a" }, { id: "b" }, { id: "women", gender: "woman" }];
    for (let seed = 0; seed < 50; seed++) {
      const a = assignRooms([staff("f1", null), staff("f2", "man"), staff("f3", "Woman")], rooms, {
        seed,
        staffOnePerRoom: true,
      });
      expect(a.rooms.get("women")).toEqual(["f3"]);
      expect([...a.rooms.values()].map((m) => m.length)).toEqual([1, 1, 1]);
    }
  });

  it("balances by language: each room speaks one language and holds only its speakers", () => {
    fc.assert(
      fc.property(population(0, 100), roomsArb, fc.integer(), (people, rooms, seed) => {
        const a = assignRooms(people, rooms, { seed, byLanguage: true });
        everyoneOnce(people, a.rooms, a.unplaced);
        for (const [roomId, members] of a.rooms) {
          for (const id of members) expect(people.find((p) => p.id === id)!.language).toBe(a.roomLanguage.get(roomId));
        }
        // Nobody is left out while there are at least as many rooms as languages.
        if (new Set(people.map((p) => p.language)).size <= rooms.length) expect(a.unplaced).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("mixes the demo's 100 people into three rooms of 33-34 with every group in every room", () => {
    const people: Person[] = Array.from({ length: 100 }, (_, i) => ({
      id: `p${i}`,
      category: CATEGORIES[i % 9]!,
      organisation: `Org ${i % 40}`,
      city: `City ${i % 25}`,
      language: "en",
      gender: i % 2 ? "woman" : "man",
      role: "participant",
    }));
    const a = assignRooms(people, [{ id: "a" }, { id: "b" }, { id: "c" }], { seed: 7 });
    expect([...a.rooms.values()].map((m) => m.length).sort()).toEqual([33, 33, 34]);
    for (const members of a.rooms.values())
      expect(new Set(members.map((id) => people.find((p) => p.id === id)!.category)).size).toBe(9);
  });
});
