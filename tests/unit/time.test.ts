import { describe, expect, it } from "vitest";
import { localToUtc, utcToLocal } from "../../server/core/time";
import { neutraliseCell, toCsv } from "../../server/core/csv";
import { createSignedLinks } from "../../server/core/signed-links";
import { slugify } from "../../server/core/slug";

describe("wall-clock times in an event's timezone", () => {
  it("converts ordinary times, winter and summer", () => {
    expect(localToUtc("2026-01-15T13:00", "Europe/Brussels")).toEqual({
      ok: true,
      date: new Date("2026-01-15T12:00:00Z"),
    });
    expect(localToUtc("2026-07-15T13:00", "Europe/Brussels")).toEqual({
      ok: true,
      date: new Date("2026-07-15T11:00:00Z"),
    });
    expect(localToUtc("2026-07-15T13:00", "America/Sao_Paulo")).toEqual({
      ok: true,
      date: new Date("2026-07-15T16:00:00Z"),
    });
  });

  it("refuses a time skipped when clocks go forward", () => {
    const r = localToUtc("2026-03-29T02:30", "Europe/Brussels");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toEqual({ key: "events.skippedTime", params: { zone: "Europe/Brussels" } });
    expect(localToUtc("2026-03-08T02:15", "America/New_York").ok).toBe(false);
  });

  it("takes the earlier of two instants when clocks go back", () => {
    expect(localToUtc("2026-10-25T02:30", "Europe/Brussels")).toEqual({
      ok: true,
      date: new Date("2026-10-25T00:30:00Z"),
    });
    expect(localToUtc("2026-11-01T01:30", "America/New_York")).toEqual({
      ok: true,
      date: new Date("2026-11-01T05:30:00Z"),
    });
  });

  it("round-trips through the form value", () => {
    expect(utcToLocal(new Date("2026-07-15T11:00:00Z"), "Europe/Brussels")).toBe("2026-07-15T13:00");
  });

  it("refuses malformed values", () => {
    expect(localToUtc("15/07/2026 13:00", "Europe/Brussels").ok).toBe(false);
    expect(localToUtc("2026-02-30T10:00", "Europe/Brussels").ok).toBe(false);
  });
});

describe("CSV cells", () => {
  it.each(["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx"])("neutralises formula-like %j", (v) => {
    expect(neutraliseCell(v)).toBe(`'${v}`);
  });
  it("keeps text, names in any script and quotes commas", () => {
    const csv = toCsv(["Name", "City"], [["ليلى, بن سالم", "São Paulo"]]);
    expect(csv).toBe('\uFEFFName,City\r\n"ليلى, بن سالم",São Paulo\r\n');
  });
});

describe("signed links", () => {
  const links = createSignedLinks("a-secret-of-sufficient-length-0123456789");
  it("verifies its own links for their purpose only", () => {
    const token = links.sign("registration", "reg_123");
    expect(links.verify("registration", token)).toBe("reg_123");
    expect(links.verify("other", token)).toBeNull();
    expect(links.verify("registration", token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(links.verify("registration", "reg_124." + token.split(".")[1])).toBeNull();
    expect(createSignedLinks("another-secret-of-sufficient-length-999").verify("registration", token)).toBeNull();
  });
});

describe("slugify", () => {
  it("keeps Latin letters without accents and falls back for other scripts", () => {
    expect(slugify("Diálogo regional: ¿qué sigue?")).toBe("dialogo-regional-que-sigue");
    expect(slugify("حوار المدن")).toMatch(/^event-[0-9a-f]{6}$/);
  });
});
