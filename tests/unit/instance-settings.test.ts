import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES, fromAcceptLanguage } from "../../app/i18n";
import { DEFAULT_SETTINGS, INSTANCE_LANGUAGES, SETTING_KEYS, parseSettings } from "../../server/core/platform/rules";

describe("instance settings", () => {
  it("offers exactly the languages the interface is translated into", () => {
    expect([...INSTANCE_LANGUAGES].sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it("defaults to approved organisers only, every language, and the product's name", () => {
    expect(parseSettings([])).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.eventCreation).toBe("approved");
  });

  it("keeps the defaults for stored values it cannot use", () => {
    expect(
      parseSettings([
        { key: SETTING_KEYS.name, value: "   " },
        { key: SETTING_KEYS.languages, value: "not json" },
        { key: SETTING_KEYS.eventCreation, value: "everyone" },
      ]),
    ).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings([{ key: SETTING_KEYS.languages, value: '["xx","fr","ar"]' }]).languages).toEqual(["fr", "ar"]);
  });

  it("picks the browser's best language among those the instance offers", () => {
    expect(fromAcceptLanguage("ar-JO,ar;q=0.9,fr;q=0.8", ["en", "fr"])).toBe("fr");
    expect(fromAcceptLanguage("ar", ["en", "fr"])).toBeNull();
  });
});
