import { DateTime } from "luxon";
import { listOf } from "./lists";
import { countryName } from "../countries";
import type { ReportData } from "./data";
import { cell, md, paragraphs, quote, table } from "./compose";
import type { ReportTexts } from "./texts";

/** Who took part: totals, groups with their organisations, gender when collected, countries, cities, organisations. */
export function participationSection(d: ReportData, t: ReportTexts, locale: string) {
  const p = d.participation;
  if (p.registered === 0) return t.noParticipants;
  const countries = p.countries.length + p.otherCountries.countries;
  const out = [
    t.participationSummary({
      registered: p.registered,
      attended: p.attended,
      organisations: p.organisations,
      countries,
      cities: p.cities.length,
    }),
  ];
  if (p.categories.length)
    out.push(
      "",
      "```chart\ncategories\n```",
      "",
      table(
        [t.stakeholderGroup, t.participants, t.organisations],
        p.categories.map((c) => [cell(c.label), String(c.count), String(c.organisations)]),
      ),
    );
  if (p.gender) {
    const count = (k: "women" | "men" | "other") => p.gender!.rows.find((r) => r.key === k)?.count ?? null;
    out.push(
      "",
      t.gender({
        women: count("women"),
        men: count("men"),
        other: count("other"),
        rest: p.gender.rest,
        restSuppressed: p.gender.restSuppressed,
      }),
    );
  }
  if (countries)
    out.push(
      "",
      table(
        [t.country, t.participants],
        [
          ...p.countries.map((c) => [cell(countryName(c.country, locale) || c.country), String(c.count)]),
          ...(p.otherCountries.people
            ? [[t.otherCountries(p.otherCountries.countries), String(p.otherCountries.people)]]
            : []),
        ],
      ),
    );
  if (p.cities.length)
    out.push(
      "",
      `**${t.cities}:** ${listOf(
        p.cities.map((c) => md(c.city)),
        locale,
      )}`,
    );
  if (p.organisationList.length)
    out.push(
      "",
      `#### ${t.participatingOrganisations}`,
      "",
      ...(d.event.chathamHouse ? [`*${t.organisationListNote}*`, ""] : []),
      p.organisationList
        .map((g) => `- **${md(g.group || t.otherGroup)}:** ${listOf(g.names.map(md), locale)}`)
        .join("\n"),
    );
  return out.join("\n");
}

export function programmeSection(d: ReportData, t: ReportTexts, locale: string) {
  if (!d.agenda.length) return t.noAgenda;
  const time = (iso: string) =>
    DateTime.fromISO(iso, { zone: d.event.timezone }).setLocale(locale).toLocaleString(DateTime.TIME_SIMPLE);
  return d.agenda
    .map((a) => {
      const head = `- **${time(a.startsAt)}–${time(a.endsAt)}** ${md(a.title)}`;
      const speakers = a.speakers.map(
        (s) =>
          `  - ${md(s.name)}${s.title ? `, ${md(s.title)}` : ""}${s.organisation ? `, ${md(s.organisation)}` : ""}`,
      );
      return [head, ...speakers].join("\n");
    })
    .join("\n");
}

/**
 * The panel, on the record: each speaker by name with what they contributed (as the secretariat
 * wrote it up), and their quote by name only if they agreed to it.
 */
export function panelSection(d: ReportData, t: ReportTexts) {
  const items = d.agenda.filter((a) => a.speakers.length);
  if (!items.length) return t.noPanel;
  const who = (s: { name: string; title: string; organisation: string }) =>
    [md(s.name), s.title ? md(s.title) : "", s.organisation ? md(s.organisation) : ""].filter(Boolean).join(", ");
  return items
    .map((a) => {
      const out = [`### ${md(a.title)}`, ""];
      const writtenUp = a.speakers.some((s) => s.contribution.trim() || (s.quote.trim() && s.quoteConsent));
      if (!writtenUp) {
        out.push(t.panelSpeakersOnly, "", a.speakers.map((s) => `- ${who(s)}`).join("\n"));
        return out.join("\n");
      }
      for (const s of a.speakers) {
        out.push(`**${who(s)}**`, "");
        if (s.contribution.trim()) out.push(paragraphs(s.contribution), "");
        if (s.quote.trim() && s.quoteConsent)
          out.push(quote(s.quote.trim(), [s.name, s.organisation].filter(Boolean).join(", "), t.quoteMarks), "");
      }
      return out.join("\n").trim();
    })
    .join("\n\n");
}
