import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    // A user's "# Title" must not compete with the page's own h1.
    h1: "h2",
  },
};

/** Markdown written by users, rendered to HTML that is safe to inject (no scripts, styles or event handlers). */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: false }) as string;
  return sanitizeHtml(html, allowed);
}

/**
 * Markdown that stays Markdown (for .md exports) but can do no harm where it is
 * rendered next: raw HTML is shown as text and links may only be http(s) or mailto.
 */
export function safeMarkdown(source: string): string {
  return source
    .replace(/</g, "&lt;")
    .replace(/\]\(\s*<?(?!https?:|mailto:|#)[a-z][a-z0-9+.-]*:/gi, "](#")
    .replace(/^(\s*\[[^\]]+\]:\s*)(?!https?:|mailto:|#)[a-z][a-z0-9+.-]*:/gim, "$1#");
}

/**
 * Plain text (a note, a title, a change note) placed inside Markdown: every
 * Markdown character escaped (raw HTML included) and line breaks folded, so
 * what a person typed cannot become markup, a link or a heading in an export.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, " ");
}
