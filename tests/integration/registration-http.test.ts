import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestServer, type TestServer } from "../support/server";
import { ENGINES } from "../support/databases";
import { eventDay, person, publishedEvent } from "../support/events";

describe.each(ENGINES)("registration over HTTP on %s", (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(() => t.close());

  it("never overbooks the last seat when many people submit at once", async () => {
    const { event } = await publishedEvent(t.server, { capacity: "1" });
    const responses = await Promise.all(
      Array.from({ length: 25 }, () =>
        new Browser(t.url).post(`/events/${event.slug}`, { intent: "register", ...person() }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(25).fill(200));
    const statuses = await t.server.db.registration.groupBy({
      by: ["status"],
      where: { eventId: event.id },
      _count: true,
    });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count]))).toEqual({ confirmed: 1, waitlisted: 24 });
    expect((await t.server.db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(1);
  });

  it("answers a double submission of the same form like a single one, with one row", async () => {
    const { event } = await publishedEvent(t.server);
    const p = person();
    const [a, b] = await Promise.all([
      new Browser(t.url).post(`/events/${event.slug}`, { intent: "register", ...p }),
      new Browser(t.url).post(`/events/${event.slug}`, { intent: "register", ...p }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    // The status sentence, as text (the email is set apart in a <bdi> inside it).
    const said = (html: string) => html.match(/<p role="status">(.*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, "");
    const [ta, tb] = [await a.text(), await b.text()];
    expect(said(ta)).toContain(`is on its way to ${p.email}`);
    expect(said(tb)).toBe(said(ta));
    expect(ta).not.toContain("/registrations/"); // the link to manage it goes to the email's owner only
    expect(await t.server.db.registration.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("keeps the visitor's values and shows field errors when the form is incomplete", async () => {
    const { event } = await publishedEvent(t.server);
    const res = await new Browser(t.url).post(`/events/${event.slug}`, {
      intent: "register",
      name: "Rania Khalil",
      email: "rania@",
      organisation: "UN Women",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="Rania Khalil"');
    expect(html).toContain('value="UN Women"');
    expect(html).toContain("Enter a valid email address.");
    expect(html).toContain("You need to agree to the processing of your data to register.");
  });

  it("refuses invalid registration links with a 404", async () => {
    expect((await fetch(`${t.url}/registrations/forged.token`)).status).toBe(404);
    expect((await fetch(`${t.url}/invitations/nope`)).status).toBe(404);
    expect((await fetch(`${t.url}/login/link/nope`)).status).toBe(403);
  });

  it("tells a reader the report is not published yet, with a way back to the event, and finds no files", async () => {
    const { event } = await publishedEvent(t.server);
    const res = await fetch(`${t.url}/events/${event.slug}/report`, { headers: { "accept-language": "fr" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Le rapport de synthèse de ce dialogue n&#x27;a pas encore été publié.");
    expect(html).toContain(`href="/events/${event.slug}"`);
    expect((await fetch(`${t.url}/events/${event.slug}/report/files/pdf`)).status).toBe(404);
  });

  it("serves an add-to-calendar file in the event's timezone", async () => {
    const { event } = await publishedEvent(t.server);
    const res = await fetch(`${t.url}/events/${event.slug}/calendar.ics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await res.text()).toContain(
      `DTSTART;TZID=Europe/Brussels:${eventDay(t.server.core).replaceAll("-", "")}T140000`,
    );
  });

  it("re-renders the settings form with the organiser's values and a field error for a capacity below the confirmed count", async () => {
    const { event, organiser } = await publishedEvent(t.server, { capacity: "5" });
    const day = eventDay(t.server.core);
    for (let i = 0; i < 3; i++)
      await new Browser(t.url).post(`/events/${event.slug}`, { intent: "register", ...person() });
    const b = new Browser(t.url);
    await b.signIn(
      (await t.server.db.user.findUniqueOrThrow({ where: { id: organiser.userId } })).email,
      "organiser password",
    );
    const res = await b.post(`/events/${event.slug}/manage/settings`, {
      title: "Renamed dialogue",
      format: "online",
      timezone: "Europe/Brussels",
      startsAt: `${day}T14:00`,
      endsAt: `${day}T17:00`,
      languages: "en",
      capacity: "2",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("3 people are already confirmed: capacity cannot be lower.");
    expect(html).toContain('value="Renamed dialogue"');
    expect((await t.server.db.event.findUniqueOrThrow({ where: { id: event.id } })).title).toBe(
      "Local dialogue on inclusion",
    );
  });

  it("edits an agenda item from the agenda page and shows it on the public page", async () => {
    const { event, organiser } = await publishedEvent(t.server);
    const day = eventDay(t.server.core);
    const item = await t.server.core.manage.addAgendaItem(organiser, event.id, {
      kind: "panel",
      title: "Panel",
      startsAt: `${day}T14:00`,
      endsAt: `${day}T15:00`,
      speakers: "",
    });
    const b = new Browser(t.url);
    await b.signIn(
      (await t.server.db.user.findUniqueOrThrow({ where: { id: organiser.userId } })).email,
      "organiser password",
    );
    const res = await b.post(`/events/${event.slug}/manage/agenda`, {
      intent: "update",
      itemId: item.id,
      kind: "plenary",
      title: "Report-back",
      description: "",
      startsAt: `${day}T15:00`,
      endsAt: `${day}T16:00`,
      speakers: "Amina Haddad | Chair | Cities of Welcome",
    });
    expect(res.status).toBe(200);
    const page = await (await fetch(`${t.url}/events/${event.slug}`)).text();
    expect(page).toContain("Report-back");
    expect(page).toContain("Amina Haddad");
    expect(page).toContain("15:00–16:00");
  });

  it("limits invitation uploads by size and type", async () => {
    const { event, organiser } = await publishedEvent(t.server);
    const b = new Browser(t.url);
    const upload = async (name: string, type: string, content: string) => {
      const form = new FormData();
      form.set("file", new File([content], name, { type }));
      return b.request(`/events/${event.slug}/manage/team`, { method: "POST", body: form });
    };
    // Sign in through the real form so the cookie is the server's own.
    const email = (await t.server.db.user.findUniqueOrThrow({ where: { id: organiser.userId } })).email;
    await b.signIn(email, "organiser password");
    expect((await upload("list.exe", "application/x-msdownload", "MZ")).status).toBe(415);
    expect((await upload("big.csv", "text/csv", "email\n" + "a@b.co\n".repeat(200_000))).status).toBe(413);
    const ok = await upload("list.csv", "text/csv", "email,name\nnew.person@example.org,New Person\n");
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("1 invitations sent.");
  });
});
