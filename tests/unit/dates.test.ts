import { describe, expect, it } from "vitest";
import { formatRange, formatTimes, zoneAbbrev } from "../../app/utils/dates";

describe("agenda times", () => {
  // 29 March 2026: Europe switches to summer time at 01:00 UTC.
  it("follows DST: the same UTC hour reads differently before and after the switch", () => {
    expect(formatTimes("2026-03-28T12:00:00Z", "2026-03-28T13:00:00Z", "Europe/Brussels", "en")).toBe("13:00–14:00");
    expect(formatTimes("2026-03-29T12:00:00Z", "2026-03-29T13:00:00Z", "Europe/Brussels", "en")).toBe("14:00–15:00");
    expect(zoneAbbrev("2026-03-28T12:00:00Z", "Europe/Brussels", "en")).toBe("GMT+1");
    expect(zoneAbbrev("2026-03-29T12:00:00Z", "Europe/Brussels", "en")).toBe("GMT+2");
  });

  it("shows the day when an item falls on another day in the viewer's zone", () => {
    // 13:00 in Brussels is 08:00 in São Paulo, but 20:00 in Manila; 23:30 Brussels is the next day in Manila.
    const s = "2026-11-29T22:30:00Z";
    expect(formatTimes(s, "2026-11-29T23:00:00Z", "Asia/Manila", "en", "2026-11-29T12:00:00Z")).toMatch(
      /^Mon, Nov 30 06:30–07:00$/,
    );
    expect(formatTimes(s, "2026-11-29T23:00:00Z", "Europe/Brussels", "en", "2026-11-29T12:00:00Z")).toBe("23:30–00:00");
  });

  it("formats a whole event in its zone", () => {
    expect(formatRange("2026-11-29T12:00:00Z", "2026-11-29T15:00:00Z", "Europe/Brussels", "en")).toBe(
      "Sun, Nov 29, 2026, 13:00–16:00 GMT+1",
    );
  });
});
