import { chromium } from "playwright-core";

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; nothing is downloaded. */
export const chromiumPath = () => process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-dev-shm-usage",
];

/** Prints an HTML document to an A4 PDF with page numbers, in a headless Chromium that can reach nothing. */
export async function htmlToPdf(html: string, footerLabel: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    // Nothing in a report loads from elsewhere; refusing requests keeps it so.
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: "load" });
    const escaped = footerLabel.replace(
      /[&<>"]/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!,
    );
    return await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;display:flex;justify-content:space-between;font-family:sans-serif"><span>${escaped}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
    });
  } finally {
    await browser.close();
  }
}
