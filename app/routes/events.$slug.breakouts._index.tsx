import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ASSIGNMENT_MODES } from "../../server/core/breakouts/schemas";
import { Field, FormMessage } from "~/components/Field";
import { Choices, Select, TextArea } from "~/components/form";
import { formToObject, one } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";
import { BOARD_CATEGORIES } from "../../server/core/boards/category-names";
import { categoryName } from "~/i18n";
import { formatList } from "~/utils/format";
import { UserText } from "~/components/UserText";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "breakouts", { title: data.event.title }) : [{ title: "Plenary" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const actor = await actorOf(context);
  const page = await context.core.events.getPage(params.slug ?? "", actor).catch(asHttpError);
  const rounds = await context.core.breakouts.listRounds(actor, page.id).catch(asHttpError);
  const synthesis = (await context.core.boards.listForEvent(actor, page.id)).find((b) => b.kind === "synthesis");
  return json({
    synthesisId: synthesis?.id ?? null,
    event: { slug: page.slug, title: page.title },
    agenda: page.agenda.filter((a) => a.kind === "breakout").map((a) => ({ id: a.id, title: a.title })),
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      rooms: r.rooms.length,
      people: r._count.assignments,
      mode: r.assignmentMode,
    })),
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    const round = await context.core.breakouts.createRound(await actorOf(context), eventId, formToObject(form));
    return redirect(`/events/${params.slug}/breakouts/${round.id}`);
  });
}

export default function Breakouts() {
  const { t, i18n } = useTranslation();
  const { event, rounds, agenda, synthesisId } = useLoaderData<typeof loader>();
  const result = useActionData<FormResult>();
  const v = (k: string) => one(result?.values, k);
  const e = result?.fieldErrors ?? {};
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/events/${event.slug}`}>
          <UserText text={event.title} />
        </Link>
      </p>
      <h1>{t("breakouts.title")}</h1>
      {synthesisId ? (
        <p>
          <Link to={`/events/${event.slug}/boards/${synthesisId}`} data-testid="synthesis-link">
            {t("synthesis.open")}
          </Link>{" "}
          <span className="muted">{t("synthesis.openHint")}</span>
        </p>
      ) : null}
      {rounds.length ? (
        <ul className="plain-list" data-testid="rounds">
          {rounds.map((r) => (
            <li key={r.id} className="card">
              <Link to={r.id}>
                <UserText text={r.title} />
              </Link>{" "}
              · {t(`breakouts.status.${r.status}`)} · {t("storedNames.rooms", { count: r.rooms })} ·{" "}
              {t(`breakouts.modes.${r.mode}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("breakouts.none")}</p>
      )}
      <h2>{t("breakouts.create")}</h2>
      <Form method="post" className="stack">
        <FormMessage message={result?.message} />
        <Field label={t("breakouts.roundTitle")} name="title" required defaultValue={v("title")} errors={e.title} />
        <Select
          label={t("breakouts.agendaItem")}
          name="agendaItemId"
          placeholder={t("breakouts.noAgendaItem")}
          options={agenda.map((a) => ({ value: a.id, label: a.title }))}
          defaultValue={v("agendaItemId")}
        />
        <div className="row">
          <Field
            label={t("breakouts.roomCount")}
            name="roomCount"
            type="number"
            required
            defaultValue={v("roomCount") ?? "3"}
            errors={e.roomCount}
          />
          <Field
            label={t("breakouts.duration")}
            name="durationMinutes"
            type="number"
            required
            defaultValue={v("durationMinutes") ?? "45"}
            errors={e.durationMinutes}
          />
        </div>
        <TextArea
          label={t("breakouts.roomNames")}
          name="roomNames"
          rows={3}
          hint={t("breakouts.roomNamesHint")}
          defaultValue={v("roomNames")}
          errors={e.roomNames}
        />
        <TextArea
          label={t("breakouts.questions")}
          name="questions"
          rows={3}
          hint={t("organise.questions.hint")}
          defaultValue={v("questions")}
          errors={e.questions}
        />
        <Choices
          legend={t("organise.questions.for")}
          name="questionsFor"
          options={[
            { value: "all", label: t("organise.questions.all") },
            { value: "each", label: t("organise.questions.each") },
          ]}
          defaultValue={v("questionsFor") ?? "all"}
          errors={e.questionsFor}
        />
        <TextArea
          label={t("breakouts.categories")}
          name="categories"
          rows={2}
          hint={t("storedNames.boardCategoriesHint", {
            defaults: formatList(
              BOARD_CATEGORIES.map((c) => categoryName(i18n.language, c)),
              i18n.language,
            ),
          })}
          defaultValue={v("categories")}
          errors={e.categories}
        />
        <Select
          label={t("breakouts.mode")}
          name="assignmentMode"
          options={ASSIGNMENT_MODES.map((m) => ({ value: m, label: t(`breakouts.modes.${m}`) }))}
          defaultValue={v("assignmentMode") ?? "auto"}
        />
        <button type="submit">{t("breakouts.create")}</button>
      </Form>
    </section>
  );
}
