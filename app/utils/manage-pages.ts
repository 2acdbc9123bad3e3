import type { MetaDescriptor } from "@remix-run/node";
import { instanceName, metaTranslate } from "~/utils/meta";

type Matches = readonly { id: string; data: unknown }[];

/** The management sub-pages, by the `managePage` handle each route declares, and what they are called. */
export const MANAGE_PAGES: Record<string, string> = {
  overview: "manage.nav.overview",
  participants: "manage.nav.participants",
  "add-participants": "organise.people.tab",
  settings: "manage.nav.settings",
  agenda: "manage.nav.agenda",
  form: "manage.nav.form",
  team: "manage.nav.team",
  audit: "manage.nav.audit",
};

/** "Team · Manage · <event> · <instance>": each sub-page its own title, so tabs and history tell them apart (WCAG 2.4.2). */
export function managePageMeta(matches: Matches, page: string): MetaDescriptor[] {
  const layout = matches.find((m) => m.id === "routes/events.$slug.manage")?.data as
    { event?: { title?: string } } | undefined;
  const title = layout?.event?.title;
  if (!title) return [{ title: "Plenary" }];
  const name = metaTranslate(matches, "managePages.title", {
    page: metaTranslate(matches, MANAGE_PAGES[page] ?? page),
    title,
  });
  return [{ title: `${name} · ${instanceName(matches)}` }];
}
