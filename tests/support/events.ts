import { DateTime } from "luxon";
import type { Core } from "../../server/core";
import type { Db } from "../../server/db/client";
import { grantPlatformRole } from "../../server/core/platform/operator";

export const BASE = "https://plenary.test";

/**
 * The day test events take place: 18 days after the core's clock, in Brussels. Core tests read a
 * fixed clock (2026-11-22, so 2026-12-10); tests through a real server read today's date, so
 * their events never end before the suite runs.
 */
export const eventDay = (core: Core) =>
  DateTime.fromJSDate(core.clock.now(), { zone: "Europe/Brussels" }).plus({ days: 18 }).toISODate()!;

/** Approves an account to create events (as an administrator would), through the operator's own door. */
export const approveOrganiser = (db: Db, userId: string) => grantPlatformRole(db, { userId }, "organiser");

/** Signs up an organiser and creates a published event; returns what tests need. */
export async function publishedEvent({ core, db }: { core: Core; db: Db }, overrides: Record<string, unknown> = {}) {
  const day = eventDay(core);
  const n = Math.random().toString(36).slice(2, 8);
  const { user, session } = await core.auth.createAccount({
    name: "Org Aniser",
    email: `org-${n}@example.org`,
    password: "organiser password",
  });
  // Only approved organisers create events on a default instance: the test approves this one
  // explicitly, the way the demo seed and `npm run admin` do, rather than relying on a bypass.
  await approveOrganiser(db, user.id);
  const organiser = { userId: user.id, sessionId: session.id };
  const event = await core.manage.create(organiser, {
    title: "Local dialogue on inclusion",
    description: "A **working** session.",
    format: "online",
    timezone: "Europe/Brussels",
    startsAt: `${day}T14:00`,
    endsAt: `${day}T17:00`,
    languages: ["en", "fr"],
    capacity: "",
    ...overrides,
  });
  await core.manage.setStatus(organiser, event.id, "published");
  return { event, organiser };
}

let counter = 0;
export const person = (extra: Record<string, unknown> = {}) => {
  counter++;
  return {
    name: `Person ${counter}`,
    email: `person${counter}-${Math.random().toString(36).slice(2, 6)}@example.org`,
    organisation: "Tunis Migrant Women's Association",
    categoryKey: "migrant_led",
    city: "Tunis",
    country: "TN",
    preferredLanguage: "en",
    consentData: "on",
    ...extra,
  };
};
