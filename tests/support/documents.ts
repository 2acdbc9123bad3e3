// Reads the text out of exported documents with npm libraries, so the suite needs no
// system tool (a fresh machine has neither pdftotext nor unzip).
import { readFileSync } from "node:fs";
import JSZip from "jszip";

const bytesOf = (file: string | Uint8Array) => (typeof file === "string" ? readFileSync(file) : file);

/** The text of every page of a PDF, pages separated by a form feed, lines by newlines. */
export async function pdfText(file: string | Uint8Array): Promise<string> {
  // The legacy build runs in Node without a DOM or a worker.
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytesOf(file)), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\f");
}

/** One part of a Word file (a zip), such as word/document.xml. */
export async function docxPart(file: string | Uint8Array, part = "word/document.xml"): Promise<string> {
  const zip = await JSZip.loadAsync(bytesOf(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`${part} is not in the document`);
  return entry.async("string");
}
