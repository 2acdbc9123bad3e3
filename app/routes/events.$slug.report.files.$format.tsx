import type { LoaderFunctionArgs } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";

/** A report file: `?version=N` (public, the same bytes every time) or `?version=draft` (the report's team). */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const v = new URL(request.url).searchParams.get("version");
  const which = v === "draft" ? "draft" : v && /^\d{1,6}$/.test(v) ? Number(v) : "latest";
  const file = await context.core.reports
    .download(await actorOf(context), params.slug ?? "", params.format ?? "", which)
    .catch(asHttpError);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Content-Length": String(file.bytes.length),
      // Published versions never change; drafts always may.
      "Cache-Control": which === "draft" ? "private, no-store" : "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
