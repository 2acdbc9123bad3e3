import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * The languages Plenary speaks are listed once (server/core/i18n/locales.ts). A second list
 * written out elsewhere goes stale when a language is added; the seed's sample data and the
 * wider list of languages an event may be held in are not lists of Plenary's own languages.
 */
describe("one list of Plenary's languages", () => {
  it("is written only in server/core/i18n/locales.ts", () => {
    const hits = execFileSync(
      "git",
      ["grep", "-n", "-E", '"en", "fr", "es", "ar"\\]', "--", "app", "server", "scripts"],
      {
        encoding: "utf8",
      },
    )
      .split("\n")
      .filter(Boolean)
      .filter(
        (line) =>
          !/^(server\/core\/i18n\/locales\.ts|server\/seed\/[^:]*|app\/utils\/languages\.ts|server\/core\/clustering\/text\.ts):/.test(
            line,
          ),
      );
    expect(hits).toEqual([]);
  });
});
