import type { LoaderFunctionArgs } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";

/** Everything Plenary holds about the signed-in person, as a JSON download. */
export async function loader({ context }: LoaderFunctionArgs) {
  const data = await context.core.account.exportData(await actorOf(context)).catch(asHttpError);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-plenary-data.json"',
      "Cache-Control": "private, no-store",
    },
  });
}
