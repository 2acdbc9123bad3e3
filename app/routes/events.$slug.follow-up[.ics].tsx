import type { LoaderFunctionArgs } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const ics = await context.core.actions.ics(params.slug ?? "", context.publicUrl).catch(asHttpError);
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${params.slug}-action-items.ics"`,
    },
  });
}
