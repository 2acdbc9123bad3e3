import type { AppLoadContext } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";
import { readerLanguage } from "~/utils/reader-language.server";
import { actorOf, requireUser } from "~/utils/session.server";

/**
 * What every page of one board reads first: the signed-in viewer, the board as they may see it
 * (the core refuses another event's board or a viewer it does not admit), and where the board is
 * in the reader's language — read only once the board let the viewer in.
 */
export async function boardPage(
  context: AppLoadContext,
  request: Request,
  params: { slug?: string; boardId?: string },
) {
  await requireUser(context, request);
  const actor = await actorOf(context);
  const snapshot = await context.core.boards
    .snapshot(actor, params.boardId ?? "", { slug: params.slug ?? "" })
    .catch(asHttpError);
  const place = await context.core.content.forBoard(snapshot.board.id, await readerLanguage(context, request));
  return { actor, snapshot, place };
}
