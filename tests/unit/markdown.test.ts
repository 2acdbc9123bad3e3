import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../server/core/markdown";

describe("renderMarkdown", () => {
  it("renders the Markdown organisers write", () => {
    const html = renderMarkdown("Hello **world**\n\n- one\n- two\n\n[link](https://example.org)");
    expect(html).toContain("<strong>world</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">link</a>');
  });

  it.each([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    '<p style="background:url(javascript:alert(1))">x</p>',
  ])("strips active content from %s", (input) => {
    const html = renderMarkdown(input);
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|style=/i);
  });

  it("demotes a user's h1 so the page keeps one", () => {
    expect(renderMarkdown("# Title").trim()).toBe("<h2>Title</h2>");
  });
});
