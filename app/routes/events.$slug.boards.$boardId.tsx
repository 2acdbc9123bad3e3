import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { UserText } from "~/components/UserText";
import roomStyles from "~/styles/room.css";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GuidingQuestions } from "~/components/GuidingQuestions";
import { BoardView } from "~/components/room/BoardView";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { readerLanguage } from "~/utils/reader-language.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: roomStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.place.title} · Plenary` : "Plenary" },
];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const actor = await actorOf(context);
  const snapshot = await context.core.boards
    .snapshot(actor, params.boardId ?? "", { slug: params.slug ?? "" })
    .catch(asHttpError);
  // Read only once the board let this viewer in: where it is and what the room was asked, in the reader's language.
  const place = await context.core.content.forBoard(snapshot.board.id, await readerLanguage(context, request));
  const canSummarise = await context.core.roomSummaries.canWrite(actor, params.boardId ?? "");
  return json({ snapshot, canSummarise, place });
}

/** A board on its own page (the synthesis board, or a room's board opened from the event page). */
export default function BoardPage() {
  const { snapshot, canSummarise, place } = useLoaderData<typeof loader>();
  return (
    <section className="board-page">
      <p className="eyebrow">
        <Link to={`/events/${snapshot.event.slug}`}>
          <UserText text={place.eventTitle} />
        </Link>
        {place.roundTitle ? (
          <>
            {" · "}
            <UserText text={place.roundTitle} />
          </>
        ) : null}
      </p>
      <UserText as="h1" text={place.title} />
      <GuidingQuestions questions={place.questions} id="board-questions" />
      <BoardView key={snapshot.board.id} snapshot={snapshot} canSummarise={canSummarise} />
    </section>
  );
}
