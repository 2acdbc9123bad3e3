import type { LoaderFunctionArgs } from "@remix-run/node";
import { boardMarkdown } from "../../server/core/boards/export";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const snap = await context.core.boards
    .snapshot(await actorOf(context), params.boardId ?? "", { slug: params.slug ?? "" })
    .catch(asHttpError);
  return new Response(boardMarkdown(snap), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="board-${params.boardId}.md"`,
      "Cache-Control": "no-store",
    },
  });
}
