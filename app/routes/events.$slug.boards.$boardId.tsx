import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { UserText } from "~/components/UserText";
import roomStyles from "~/styles/room.css";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GuidingQuestions } from "~/components/GuidingQuestions";
import { BoardView } from "~/components/room/BoardView";
import { boardPage } from "~/utils/board-page.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: roomStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.place.title} · Plenary` : "Plenary" },
];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { actor, snapshot, place } = await boardPage(context, request, params);
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
