import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";

const SLUG = "migrant-women-local-decision-making";

/** Sends a request by hand: headers, then only as much body as given (a client may announce more than it sends). */
function raw(
  url: string,
  path: string,
  headers: Record<string, string>,
  body = "",
  timeoutMs = 3000,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, url), { method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    });
    req.on("error", (e) => (e.message.includes("socket hang up") ? undefined : reject(e)));
    if (body) req.write(body);
    // Leave the request open when the announced length is not all sent: the answer must come before the body.
    if (!headers["content-length"] || Number(headers["content-length"]) === Buffer.byteLength(body)) req.end();
    else req.flushHeaders();
  });
}

describe("request bodies at the HTTP door", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer("sqlite");
    await seedDemo(t.server.db);
  });
  afterAll(() => t.close());

  const FORMS = ["/login", "/signup", `/events/${SLUG}?index`];
  const origin = () => ({ origin: t.url });

  it.each(FORMS)("answers %s with a 4xx, never a 500, whatever the body's type", async (path) => {
    const cases: [string, string][] = [
      ["application/json", JSON.stringify({ email: "a@b.c", password: "x" })],
      ["text/plain", "email=a@b.c"],
      ["multipart/form-data", "--x\r\n"],
      ["multipart/form-data; boundary=zzz", "this is not multipart at all"],
      ["application/xml", "<a/>"],
    ];
    for (const [type, body] of cases) {
      const res = await raw(
        t.url,
        path,
        { ...origin(), "content-type": type, "content-length": String(Buffer.byteLength(body)) },
        body,
      );
      expect({ type, status: res.status }).toMatchObject({ type });
      expect(res.status, `${type} → ${res.status}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${type} → ${res.status}`).toBeLessThan(500);
    }
  });

  it("refuses a body larger than the form's limit before reading it (413)", async () => {
    const res = await raw(t.url, `/events/${SLUG}?index`, {
      ...origin(),
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(30 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });

  it("refuses a body of unknown length (411), and a real oversized body (413)", async () => {
    const chunked = await raw(t.url, "/login", {
      ...origin(),
      "content-type": "application/x-www-form-urlencoded",
      "transfer-encoding": "chunked",
    });
    expect(chunked.status).toBe(411);
    const big = `intent=register&name=${"x".repeat(2 * 1024 * 1024)}`;
    const res = await raw(
      t.url,
      `/events/${SLUG}?index`,
      {
        ...origin(),
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(big.length),
      },
      big,
    );
    expect(res.status).toBe(413);
  });

  it("still accepts ordinary forms, and the invitation import's larger upload", async () => {
    const form = "email=nobody%40example.org&password=wrong-password-1";
    const res = await raw(
      t.url,
      "/login",
      {
        ...origin(),
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(form.length),
      },
      form,
    );
    expect(res.status).toBe(401);
    // 700 KB is over the forms' limit but within the invitation import's.
    const file = "email\n" + "a@b.c\n".repeat(120_000);
    const body = `--b\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--b--\r\n`;
    const team = await raw(
      t.url,
      `/events/${SLUG}/manage/team`,
      {
        ...origin(),
        "content-type": "multipart/form-data; boundary=b",
        "content-length": String(Buffer.byteLength(body)),
      },
      body,
    );
    expect(team.status).not.toBe(413);
    expect(team.status).toBeLessThan(500);
  });
});
