import type { LoaderFunctionArgs } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const csv = await context.core.actions.csv(params.slug ?? "").catch(asHttpError);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${params.slug}-action-items.csv"`,
    },
  });
}
