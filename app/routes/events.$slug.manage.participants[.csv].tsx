import type { LoaderFunctionArgs } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const csv = await context.core.participants.exportCsv(await actorOf(context), eventId).catch(asHttpError);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${params.slug}-participants.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
