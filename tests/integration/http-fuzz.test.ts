import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_BODY_BYTES } from "../../server/http/bodies";
import { HTTP, type HttpDoor, type Role } from "../access/matrix";
import { type Doors, namesAnObject, prepareDoors } from "../support/doors";
import { Browser, startTestServer, type TestServer } from "../support/server";

/** Every form action of the access matrix (which fails when an action route has no row), tried with bad bodies. */
const ACTIONS = HTTP.filter((d) => d.method === "POST");
/** The role whose request goes deepest: one the door lets in (anonymous last, since it stops earliest elsewhere). */
const PREFERENCE: Role[] = [
  "organiser",
  "admin",
  "secretariat",
  "facilitator",
  "rapporteur",
  "participant",
  "stranger",
  "anonymous",
];
const roleFor = (d: HttpDoor) => PREFERENCE.find((r) => d.allowed.includes(r)) ?? "anonymous";

type Body = { type?: string; body: string | Buffer; what: string };
const NOT_FORMS = new Set(["JSON", "text/plain", "XML", "multipart without a boundary"]);

/** Bodies of the wrong kind, of broken encodings, and forms with fields missing, doubled or strange. */
function badBodies(form: Record<string, string>): Body[] {
  const urlencoded = "application/x-www-form-urlencoded";
  const encoded = new URLSearchParams(form).toString();
  const fields = Object.keys(form);
  return [
    { what: "JSON", type: "application/json", body: JSON.stringify(form) },
    { what: "text/plain", type: "text/plain", body: encoded },
    { what: "XML", type: "application/xml", body: "<form/>" },
    { what: "no content type", body: encoded },
    { what: "multipart without a boundary", type: "multipart/form-data", body: encoded },
    { what: "multipart that is not", type: "multipart/form-data; boundary=b", body: "--b\r\nnonsense" },
    { what: "empty form", type: urlencoded, body: "" },
    { what: "invalid UTF-8 (percent-encoded)", type: urlencoded, body: `${encoded}&x=%FF%FE%ED%A0%80&y=%C0%AF` },
    {
      what: "invalid UTF-8 (raw bytes)",
      type: urlencoded,
      body: Buffer.concat([Buffer.from(`${encoded}&x=`), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0xc3])]),
    },
    { what: "truncated escapes", type: urlencoded, body: `${encoded}&a=%E2%82&b=%&c=%%` },
    {
      what: "Latin-1 declared",
      type: `${urlencoded}; charset=iso-8859-1`,
      body: Buffer.from(`${encoded}&n=caf\xe9`, "latin1"),
    },
    {
      what: "multipart with broken UTF-8 and a file",
      type: "multipart/form-data; boundary=zz",
      body: Buffer.concat([
        Buffer.from(
          Object.entries(form)
            .map(([k, v]) => `--zz\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
            .join(""),
        ),
        Buffer.from('--zz\r\nContent-Disposition: form-data; name="x"; filename="\xff.csv"\r\n\r\n'),
        Buffer.from([0xff, 0x00, 0xfe]),
        Buffer.from("\r\n--zz--\r\n"),
      ]),
    },
    { what: "every field twice", type: urlencoded, body: `${encoded}&${encoded}` },
    { what: "five thousand fields", type: urlencoded, body: `${encoded}&${"k=v&".repeat(5_000)}` },
    {
      // "é" is six bytes percent-encoded: the fields share 95% of the limit.
      what: "fields just under the size limit",
      type: urlencoded,
      body: new URLSearchParams(
        Object.fromEntries(
          fields.map((k) => [k, "é".repeat(Math.floor((FORM_BODY_BYTES * 0.95) / 6 / Math.max(1, fields.length)))]),
        ),
      ).toString(),
    },
    {
      what: "control characters and direction overrides",
      type: urlencoded,
      body: new URLSearchParams(Object.fromEntries(fields.map((k) => [k, "\u0000\u202e\u0007x\ufeff"]))).toString(),
    },
    ...fields.map((missing) => ({
      what: `without ${missing}`,
      type: urlencoded,
      body: new URLSearchParams(Object.fromEntries(Object.entries(form).filter(([k]) => k !== missing))).toString(),
    })),
  ];
}

/** Strings people (and attackers) type. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
    "'; DROP TABLE Note; --",
    "../../x",
    "",
    " ",
    "x".repeat(5000),
  ),
);

describe("bad input at the HTTP door: every form action answers it with a 4xx or its ordinary answer, never a 500", () => {
  let t: TestServer;
  let d: Doors;
  beforeAll(async () => {
    t = await startTestServer("sqlite");
    d = await prepareDoors(t);
  }, 90_000);
  afterAll(() => t.close());

  async function send(door: HttpDoor, role: Role, body: Body | { form: Record<string, string> }) {
    const { b, url } = await d.open(door, role);
    const request =
      "form" in body
        ? { type: "application/x-www-form-urlencoded", body: new URLSearchParams(body.form).toString() }
        : body;
    const res = await b.request(url, {
      method: "POST",
      headers: { origin: t.url, ...(request.type ? { "content-type": request.type } : {}) },
      body: typeof request.body === "string" ? request.body : new Uint8Array(request.body),
    });
    await res.arrayBuffer();
    return res.status;
  }

  it.each(ACTIONS.map((door) => [`${door.door} (${door.path})`, door] as const))(
    "%s: bad bodies get a clear 4xx",
    async (_name, door) => {
      const role = roleFor(door);
      const form = (await d.fill(door.form ?? {}, role, namesAnObject(door.path, door.form))) as Record<string, string>;
      for (const body of badBodies(form)) {
        // Anonymous visitors too, where the body is not a form at all: the refusal comes before anyone is known.
        const whom = role === "anonymous" || !NOT_FORMS.has(body.what) ? [role] : [role, "anonymous" as const];
        for (const who of whom) {
          const status = await send(door, who, body).catch((e: Error) => {
            throw new Error(`${body.what} as ${who}: ${e.message} (${(e.cause as Error)?.message})`);
          });
          expect(status, `${body.what} as ${who} → ${status}`).toBeLessThan(500);
          // What is not a form at all is refused before anything reads it, whoever sends it.
          if (NOT_FORMS.has(body.what) && body.body.length > 0)
            expect([400, 415], `${body.what} as ${who}`).toContain(status);
        }
      }
      const tooLarge = await send(door, role, {
        what: "too large",
        type: "application/x-www-form-urlencoded",
        body: `a=${"x".repeat(FORM_BODY_BYTES * 3)}`,
      });
      expect(tooLarge).toBe(413);
    },
    60_000,
  );

  it.each(ACTIONS.map((door) => [`${door.door} (${door.path})`, door] as const))(
    "%s: generated field values never get a server error",
    async (_name, door) => {
      const role = roleFor(door);
      const known = Object.keys(door.form ?? {});
      const names = [...new Set([...known, "intent", "id", "email", "title", "message"])];
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), nasty, { maxKeys: 8 }), async (generated) => {
          const base = (await d.fill(door.form ?? {}, role, namesAnObject(door.path, door.form))) as Record<
            string,
            string
          >;
          // Keep the door's intent most of the time, so the generated values reach that action's own code.
          const form = { ...generated, ...(base.intent && Math.random() < 0.8 ? { intent: base.intent } : {}) };
          const status = await send(door, role, { form });
          expect(status, `${JSON.stringify(form).slice(0, 200)} → ${status}`).toBeLessThan(500);
        }),
        { numRuns: 8, seed: 16 },
      );
    },
    60_000,
  );

  it("answers malformed addresses with a 4xx", async () => {
    const b = new Browser(t.url).useCookies(d.browsers.organiser.cookieHeader);
    for (const path of [
      "/events/%ED%A0%80",
      "/events/%",
      "/events/%FF%FE/manage",
      `/events/${d.values.slug}/boards/%C0%AF`,
      `/events/${d.values.slug}/breakouts/%ED%A0%80`,
      "/invitations/%E2%82",
      "/registrations/%",
      `/events/${d.values.slug}?q=%ED%A0%80&_data=%FF`,
    ]) {
      for (const method of ["GET", "POST"]) {
        const res = await b.request(path, {
          method,
          headers: { origin: t.url, "content-type": "application/x-www-form-urlencoded" },
          ...(method === "POST" ? { body: "intent=x" } : {}),
        });
        await res.arrayBuffer();
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
  });
});
