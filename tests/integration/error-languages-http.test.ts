import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { momentIn } from "../../server/core/i18n/message";
import { eventDay, publishedEvent } from "../support/events";
import { Browser, startTestServer, type TestServer } from "../support/server";

/*
 * The core's refusals reach people in their own language, parameters filled in: the page is
 * rendered on the server from the key and parameters the core threw (issue 23, defect 3).
 */
describe("the server's errors over HTTP, in the reader's language", () => {
  let t: TestServer;
  let organiser: Browser;
  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const { organiser: who } = await publishedEvent(t.server);
    const email = (await t.server.db.user.findUniqueOrThrow({ where: { id: who.userId } })).email;
    organiser = new Browser(t.url);
    await organiser.signIn(email, "organiser password");
  });
  afterAll(() => t.close());

  const createEvent = async (language: string, fields: Record<string, string>) => {
    const res = await organiser.request("/events/new", {
      method: "POST",
      headers: { "accept-language": language, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        title: "Dialogue",
        format: "online",
        timezone: "Europe/Brussels",
        startsAt: "2027-05-04T14:00",
        endsAt: "2027-05-04T17:00",
        languages: "en",
        ...fields,
      }),
    });
    expect(res.status).toBe(400);
    return res.text();
  };

  it("French: a title too long says its bound, an unknown timezone says so, in French only", async () => {
    const html = await createEvent("fr", { title: "x".repeat(201), timezone: "Mars/Olympus" });
    expect(html).toContain("Veuillez corriger les champs signalés.");
    expect(html).toContain("200 caractères au plus.");
    expect(html).toContain("Fuseau horaire inconnu : utilisez un nom IANA comme Europe/Brussels");
    expect(html).not.toContain("Unknown timezone");
    expect(html).not.toContain("At most 200 characters");
  });

  it("Arabic: no title, and a time the clocks skip named with its timezone", async () => {
    const untitled = await createEvent("ar", { title: "" });
    expect(untitled).toContain("أعطِ الفعالية عنوانًا.");
    expect(untitled).not.toContain("Give the event a title");
    const skipped = await createEvent("ar", { startsAt: "2027-03-28T02:30", endsAt: "2027-03-28T05:00" });
    expect(skipped).toContain("هذا الوقت غير موجود في Europe/Brussels: تتغير الساعة حينها.");
    expect(skipped).not.toContain("does not exist");
  });

  it("Spanish: the event page says when registration opens, date and timezone filled in", async () => {
    const day = eventDay(t.server.core);
    const { event } = await publishedEvent(t.server, {
      registrationOpensAt: `${day}T09:00`,
      registrationClosesAt: `${day}T12:00`,
    });
    const html = await (await fetch(`${t.url}/events/${event.slug}`, { headers: { "accept-language": "es" } })).text();
    const opens = DateTime.fromISO(`${day}T09:00`, { zone: "Europe/Brussels" }).toUTC().toISO()!;
    // The date as Spanish writes it ("25 de noviembre de 2026, 9:00"), on the event's clock.
    const date = momentIn("es", { at: opens, zone: "Europe/Brussels" });
    expect(date).toMatch(/ de /);
    expect(html).toContain(`La inscripción abre el ${date} (Europe/Brussels).`);
    expect(html).not.toContain("Registration opens");
  });
});
