import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { publishedEvent } from "../support/events";
import { startTestServer, type TestServer } from "../support/server";

// React 18.3's streaming renderer flushed whole 2,048-byte buffers even when a multi-byte
// character had not fitted at the end, so NUL bytes landed in the HTML (facebook/react#24985).
// These pages are long and almost all multi-byte, so characters straddle many buffer edges
// at every offset.
const arabic = "مسجَّل في الإكوادور، تسجيل الحضور والتفاعل مع المشاركين في الحوار المحلي. ";
const mixed = "日本語のテキスト、中文文本、한국어 텍스트 🌍🤝 — Ελληνικά, русский текст. ";

function expectCleanUtf8(bytes: Uint8Array, page: string) {
  const nul = bytes.indexOf(0);
  expect(nul, `${page}: NUL byte at offset ${nul}`).toBe(-1);
  const html = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  expect(html.includes("\uFFFD"), `${page}: U+FFFD in the HTML`).toBe(false);
  return html;
}

describe("server-rendered pages in multi-byte scripts", () => {
  let t: TestServer;
  let slugs: string[] = [];
  beforeAll(async () => {
    t = await startTestServer("sqlite");
    await seedDemo(t.server.db);
    // Several lengths, so the straddling characters fall at different offsets of the buffer.
    for (const [i, text] of [arabic, mixed, arabic + mixed].entries()) {
      const { event } = await publishedEvent(t.server, {
        title: `${text.slice(0, 60)} ${i}`,
        description: text.repeat(40 + i * 7),
      });
      slugs.push(event.slug);
    }
  });
  afterAll(() => t.close());

  it("never carries NUL bytes or replacement characters, in Arabic and other scripts", async () => {
    const pages = [
      "/",
      "/login",
      "/signup",
      "/events/migrant-women-local-decision-making",
      ...slugs.map((s) => `/events/${s}`),
    ];
    for (const language of ["ar", "fr", "en"]) {
      for (const page of pages) {
        const res = await fetch(t.url + page, { headers: { "accept-language": language } });
        expect(res.status, page).toBe(200);
        const html = expectCleanUtf8(new Uint8Array(await res.arrayBuffer()), `${language} ${page}`);
        if (language === "ar") expect(html).toContain('dir="rtl"');
      }
    }
    slugs = [];
  });
});
