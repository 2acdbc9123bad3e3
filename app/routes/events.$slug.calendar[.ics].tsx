import type { LoaderFunctionArgs } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";

// "Add to calendar": the event as an .ics file in its own timezone.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const ics = await context.core.events.calendarFile(params.slug ?? "", context.publicUrl).catch(asHttpError);
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${params.slug}.ics"`,
      "Cache-Control": "no-cache",
    },
  });
}
