import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { shiftAgenda } from "../../server/core/events/agenda-shift";

const BXL = "Europe/Brussels";
const at = (local: string, zone = BXL) => DateTime.fromISO(local, { zone }).toJSDate();
const local = (d: Date, zone = BXL) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
const item = (id: string, s: string, e: string, zone = BXL) => ({ id, startsAt: at(s, zone), endsAt: at(e, zone) });

describe("moving an event moves its agenda", () => {
  const agenda = [
    item("opening", "2026-09-10T14:00", "2026-09-10T14:15"),
    item("panel", "2026-09-10T14:15", "2026-09-10T15:00"),
    item("day2", "2026-09-11T09:00", "2026-09-11T10:00"),
  ];

  it("keeps local times across a change from summer to winter time", () => {
    const moved = shiftAgenda(
      agenda,
      { startsAt: at("2026-09-10T14:00"), timezone: BXL },
      { startsAt: at("2026-12-10T14:00"), timezone: BXL },
    );
    expect(moved.map((m) => [m.id, local(m.startsAt), local(m.endsAt)])).toEqual([
      ["opening", "2026-12-10T14:00", "2026-12-10T14:15"],
      ["panel", "2026-12-10T14:15", "2026-12-10T15:00"],
      ["day2", "2026-12-11T09:00", "2026-12-11T10:00"],
    ]);
    // The instants moved by 91 days and one hour: the local times did not.
    expect(moved[0]!.startsAt.getTime() - agenda[0]!.startsAt.getTime()).toBe((91 * 24 + 1) * 3_600_000);
  });

  it("moves items by as much as the start moved, when the time of day changes too", () => {
    const moved = shiftAgenda(
      agenda,
      { startsAt: at("2026-09-10T14:00"), timezone: BXL },
      { startsAt: at("2026-09-17T15:30"), timezone: BXL },
    );
    expect(moved.map((m) => local(m.startsAt))).toEqual(["2026-09-17T15:30", "2026-09-17T15:45", "2026-09-18T10:30"]);
  });

  it("keeps the times as they read when only the timezone is corrected", () => {
    const utc = [item("a", "2026-09-10T14:00", "2026-09-10T15:00", "UTC")];
    const moved = shiftAgenda(
      utc,
      { startsAt: at("2026-09-10T14:00", "UTC"), timezone: "UTC" },
      { startsAt: at("2026-09-10T14:00", "America/Sao_Paulo"), timezone: "America/Sao_Paulo" },
    );
    expect(local(moved[0]!.startsAt, "America/Sao_Paulo")).toBe("2026-09-10T14:00");
  });

  it("changes nothing when the start stays where it was", () => {
    const from = { startsAt: at("2026-09-10T14:00"), timezone: BXL };
    expect(shiftAgenda(agenda, from, { ...from })).toEqual([]);
  });

  it("moves a time that a clock change skips forward, as calendars do", () => {
    const night = [item("vigil", "2026-03-22T02:30", "2026-03-22T03:30")];
    const moved = shiftAgenda(
      night,
      { startsAt: at("2026-03-22T02:00"), timezone: BXL },
      { startsAt: at("2026-03-29T01:00"), timezone: BXL },
    );
    // 01:30 on the 29th exists; the end, 02:30, does not (clocks jump from 02:00 to 03:00).
    expect(local(moved[0]!.startsAt)).toBe("2026-03-29T01:30");
    expect(local(moved[0]!.endsAt)).toBe("2026-03-29T03:30");
  });
});
