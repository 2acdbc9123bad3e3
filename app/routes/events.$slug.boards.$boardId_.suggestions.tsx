import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";
import { actorOf } from "~/utils/session.server";

/** Cluster suggestions (`?mode=clusters`) or placements of loose notes (`?mode=place`) for one category; JSON for the board page. */
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const input = { category: url.searchParams.get("category") ?? "", k: url.searchParams.get("k") ?? undefined };
  const actor = await actorOf(context);
  const boardId = params.boardId ?? "";
  if (url.searchParams.get("mode") === "place") {
    return json({
      mode: "place" as const,
      ...(await context.core.clustering.place(actor, boardId, input, { slug: params.slug ?? "" }).catch(asHttpError)),
    });
  }
  return json({
    mode: "clusters" as const,
    ...(await context.core.clustering.suggest(actor, boardId, input, { slug: params.slug ?? "" }).catch(asHttpError)),
  });
}
