import { describe, expect, it } from "vitest";
import { contentLanguage, partProps } from "../../app/utils/content-language";
import { formatDateTime, formatList, shortText } from "../../app/utils/format";
import { formatLocalRange, formatRange } from "../../app/utils/dates";
import { authorName, isDefaultStakeholderLabel, reservationKey, stakeholderName } from "../../app/i18n/stored-names";

describe("the language of what people wrote", () => {
  it("tells Latin-script languages apart by their function words", () => {
    expect(contentLanguage("The city should fund childcare during the consultations")).toBe("en");
    expect(contentLanguage("Les consultations ont lieu le soir, quand les enfants sont à la maison")).toBe("fr");
    expect(contentLanguage("Las mujeres no tienen tiempo para las reuniones de la tarde")).toBe("es");
  });

  it("names Arabic from its script, and settles short texts with the event's working languages", () => {
    expect(contentLanguage("لا توجد حضانة أثناء دروس اللغة")).toBe("ar");
    expect(contentLanguage("Housing", ["ar", "en"])).toBe("en");
    expect(contentLanguage("Logement", ["fr", "en"])).toBe("fr");
    // A short Latin text where the event has no Latin-script language: unknown, not guessed.
    expect(contentLanguage("Housing", ["ar"])).toBeNull();
    expect(contentLanguage("1234 — ?")).toBeNull();
  });

  it("isolates people's words always, and claims a language only when it knows it", () => {
    expect(partProps("Housing", ["en"])).toEqual({ lang: "en", dir: "auto" });
    expect(partProps("Housing", [])).toEqual({ dir: "auto" });
  });
});

describe("dates, numbers and lists in the reader's language", () => {
  it("joins lists as each language does, never with a Latin comma in Arabic", () => {
    expect(formatList(["A", "B", "C"], "en")).toBe("A, B, and C");
    expect(formatList(["A", "B", "C"], "fr")).toBe("A, B et C");
    expect(formatList(["A", "B", "C"], "ar")).not.toContain(",");
    expect(formatList(["A", "B", "C"], "ar", "unit")).toContain("،");
  });

  it("formats instants in the event's zone and the reader's language", () => {
    expect(formatDateTime("2026-03-03T13:05:00Z", "en", "Europe/Brussels")).toBe("Mar 3, 2026, 14:05");
    expect(formatDateTime("2026-03-03T13:05:00Z", "fr", "Europe/Brussels")).toBe("3 mars 2026, 14:05");
    expect(formatDateTime("2026-03-03T13:05:00Z", "ar", "Europe/Brussels")).toContain("مارس");
  });

  it("joins a day and its times with the language's own comma", () => {
    const ar = formatRange("2026-11-29T12:00:00Z", "2026-11-29T15:00:00Z", "Europe/Brussels", "ar");
    expect(ar).not.toContain(",");
    expect(ar).toContain("،");
    expect(formatLocalRange("2026-12-10T14:00", "2026-12-10T15:30", "ar")).not.toContain(",");
  });

  it("shortens a note to its first words for what is read aloud", () => {
    expect(shortText("x".repeat(100))).toHaveLength(58);
    expect(shortText("Short note")).toBe("Short note");
  });
});

describe("what Plenary stored, in the reader's language; what organisers typed, as they typed it", () => {
  it("translates a default stakeholder category only while it keeps its default name", () => {
    expect(stakeholderName("fr", "civil_society", "Civil society / NGO")).toBe("Société civile / ONG");
    expect(stakeholderName("ar", "academia", "Academia / research")).toBe("أوساط أكاديمية / بحثية");
    expect(stakeholderName("ar", "civil_society", "Grassroots groups")).toBe("Grassroots groups");
    // A label alone (a note's author under the Chatham House rule) is a default if it reads like one.
    expect(stakeholderName("es", null, "City network")).toBe("Red de ciudades");
    expect(stakeholderName("es", null, "Our own network")).toBe("Our own network");
    expect(isDefaultStakeholderLabel("Other")).toBe(true);
  });

  it("says the core's fallback author labels in words of the reader's language", () => {
    const t = (k: string) => `[${k}]`;
    expect(authorName(t, "fr", "Former participant")).toBe("[storedNames.formerParticipant]");
    expect(authorName(t, "fr", "Participant")).toBe("[storedNames.participant]");
    expect(authorName(t, "fr", "Leila Ben Salem")).toBe("Leila Ben Salem");
  });

  it("reads a room reserved to 'woman' as a sentence, and other reservations as typed", () => {
    expect(reservationKey("Woman")).toBe("storedNames.reservedTo.women");
    expect(reservationKey("men")).toBe("storedNames.reservedTo.men");
    expect(reservationKey("femme")).toBeNull();
  });
});
