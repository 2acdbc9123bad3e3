import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { DraggablePerson, DroppableRoom, RoomDnd } from "~/components/RoomDnd";
import { useTranslation } from "react-i18next";
import { Countdown } from "~/components/Countdown";
import { Field, FormMessage } from "~/components/Field";
import { Checkbox, Select, TextArea } from "~/components/form";
import { GuidingQuestions } from "~/components/GuidingQuestions";
import { useLiveRevalidate } from "~/realtime/use-live-revalidate";
import { formToObject } from "~/utils/form-data";
import { asHttpError, formAction, type FormResult, readForm } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";
import { pageTitle } from "~/utils/meta";
import type { StaffReport } from "../../server/core/breakouts/staffing";
import { UserText } from "~/components/UserText";
import { reservationKey, stakeholderName } from "~/i18n/stored-names";
import { useIsolatedT } from "~/i18n/isolate";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "round", { title: data.overview.round.title }) : [{ title: "Plenary" }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const actor = await actorOf(context);
  const eventId = await context.core.events.idBySlug(params.slug ?? "").catch(asHttpError);
  const overview = await context.core.breakouts.overview(actor, eventId, params.roundId ?? "").catch(asHttpError);
  const synthesis = (await context.core.boards.listForEvent(actor, eventId)).find((b) => b.kind === "synthesis");
  return json({ eventId, slug: params.slug!, overview, synthesisId: synthesis?.id ?? null });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return formAction(form, async () => {
    const actor = await actorOf(context);
    const eventId = await context.core.events.idBySlug(params.slug ?? "");
    const roundId = params.roundId ?? "";
    const b = context.core.breakouts;
    const input = formToObject(form);
    switch (form.get("intent")) {
      case "open":
        await b.open(actor, eventId, roundId);
        break;
      case "close":
        await b.close(actor, eventId, roundId);
        break;
      case "extend":
        await b.extend(actor, eventId, roundId, { minutes: "5" });
        break;
      case "message":
        await b.message(actor, eventId, roundId, input);
        return json({ ok: true as const, did: "message" as const });
      case "assign": {
        const r = await b.autoAssign(actor, eventId, roundId, input);
        return json({ ok: true as const, did: "assign" as const, seed: r.seed, staff: r.staff });
      }
      case "room":
        await b.updateRoom(actor, eventId, String(form.get("roomId")), input);
        break;
      case "questions":
        await b.setRoundQuestions(actor, eventId, roundId, input);
        return json({ ok: true as const, did: "questions" as const });
      case "move":
        await b.move(
          actor,
          eventId,
          roundId,
          String(form.get("userId")),
          String(form.get("roomId") ?? "") || null,
          form.get("locked") === "on",
        );
        break;
      case "role":
        await b.setRoomRole(actor, eventId, roundId, String(form.get("userId")), { role: form.get("role") });
        break;
      case "resolve":
        await b.resolveHelp(actor, eventId, String(form.get("helpId")));
        break;
    }
    return json({ ok: true as const, did: "other" as const });
  });
}

export default function RoundControl() {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const { eventId, slug, overview, synthesisId } = useLoaderData<typeof loader>();
  const result = useActionData<FormResult | { ok: true; did: string; seed?: number; staff?: StaffReport | null }>();
  const failed = result && !result.ok ? result : undefined;
  const { round, rooms } = overview;
  useLiveRevalidate("live:join", { eventId }, [
    "round:changed",
    "room:presence",
    "round:help",
    "registrations:changed",
  ]);
  const roomOptions = [
    { value: "", label: t("breakouts.unassign") },
    ...rooms.map((r) => ({ value: r.id, label: r.name })),
  ];
  const mover = useFetcher();
  const names = Object.fromEntries(
    [...rooms.flatMap((r) => r.members), ...overview.unassigned].map((m) => [m.userId, m.name]),
  );
  const roomNames = { ...Object.fromEntries(rooms.map((r) => [r.id, r.name])), unassigned: t("breakouts.noRoom") };
  const move = (userId: string, roomId: string) =>
    mover.submit({ intent: "move", userId, roomId, locked: "on" }, { method: "post" });
  const offset = Date.parse(overview.serverNow) - Date.now();
  return (
    <section className="round-control">
      <p className="eyebrow">
        <Link to={`/events/${slug}/breakouts`}>{t("breakouts.backToList")}</Link>
      </p>
      <UserText as="h1" text={round.title} />
      {synthesisId ? (
        <p>
          <Link to={`/events/${slug}/boards/${synthesisId}`} data-testid="synthesis-link">
            {t("synthesis.open")}
          </Link>{" "}
          <span className="muted">{t("synthesis.openHint")}</span>
        </p>
      ) : null}
      <p data-testid="round-status">
        {t(`breakouts.status.${round.status}`)} · {t(`breakouts.modes.${round.assignmentMode}`)}
      </p>
      {round.status === "running" && round.endsAt ? <Countdown endsAt={round.endsAt} offsetMs={offset} /> : null}
      <FormMessage message={failed?.message} />
      {result?.ok && result.did === "assign" ? (
        <div role="status" data-testid="assign-result">
          <p>{t("breakouts.assigned", { seed: result.seed })}</p>
          {result.staff ? <StaffMessages report={result.staff} slug={slug} /> : null}
        </div>
      ) : null}

      <Form method="post" className="inline-actions">
        {round.status !== "running" ? (
          <button type="submit" name="intent" value="open">
            {t("breakouts.open")}
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="extend" className="secondary">
              {t("breakouts.extend")}
            </button>
            <button type="submit" name="intent" value="close" className="danger">
              {t("breakouts.close")}
            </button>
          </>
        )}
      </Form>

      {round.status === "running" ? (
        <Form
          method="post"
          className="inline-form"
          key={result?.ok && result.did === "message" ? Date.now() : "message"}
        >
          <input type="hidden" name="intent" value="message" />
          <Field label={t("breakouts.message")} name="message" errors={failed?.fieldErrors.message} />
          <button type="submit">{t("breakouts.send")}</button>
          {result?.ok && result.did === "message" ? <p role="status">{t("breakouts.sent")}</p> : null}
        </Form>
      ) : null}

      <details className="card">
        <summary>{t("breakouts.assign")}</summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="assign" />
          <Field
            label={t("breakouts.seed")}
            name="seed"
            type="number"
            hint={t("breakouts.seedHint")}
            defaultValue={String(round.seed)}
            errors={failed?.fieldErrors.seed}
          />
          <Select
            label={t("breakouts.balanceBy")}
            name="balanceBy"
            options={["category", "language"].map((b) => ({ value: b, label: t(`breakouts.balance.${b}`) }))}
            defaultValue="category"
          />
          <Checkbox label={t("breakouts.splitCity")} name="splitCity" />
          <Checkbox label={t("breakouts.staffOnePerRoom")} name="staffOnePerRoom" defaultChecked />
          <button type="submit">{t("breakouts.assign")}</button>
        </Form>
      </details>

      <details className="card">
        <summary>{t("organise.questions.editAll")}</summary>
        <Form method="post" className="stack" key={result?.ok && result.did === "questions" ? "saved" : "questions"}>
          <input type="hidden" name="intent" value="questions" />
          <TextArea
            label={t("organise.questions.allRooms")}
            name="questions"
            rows={3}
            hint={t("organise.questions.allRoomsHint")}
            defaultValue={round.questions.join("\n")}
            errors={failed?.fieldErrors.questions}
          />
          <button type="submit">{t("organise.questions.save")}</button>
          {result?.ok && result.did === "questions" ? <p role="status">{t("organise.questions.saved")}</p> : null}
        </Form>
      </details>

      <h2>{t("breakouts.rooms")}</h2>
      <p className="muted">{t("breakouts.dragHint")}</p>
      <RoomDnd names={names} rooms={roomNames} onMove={move}>
        <div className="rooms-grid">
          {rooms.map((room) => (
            <DroppableRoom key={room.id} id={room.id}>
              <section className="card room-card" aria-labelledby={`room-${room.id}`} data-testid="room-card">
                <UserText as="h3" id={`room-${room.id}`} text={room.name} />
                {room.reservedFor ? (
                  <p className="badge" data-testid="room-reserved">
                    {reservationKey(room.reservedFor)
                      ? t(reservationKey(room.reservedFor)!)
                      : ti("breakouts.reserved", { who: room.reservedFor })}
                  </p>
                ) : null}
                <p className="muted">
                  {t("breakouts.members", { count: room.members.length, present: room.present, notes: room.notes })}
                </p>
                <GuidingQuestions questions={room.questions} id={`questions-${room.id}`} level={4} />
                {room.help.length ? (
                  <div className="help-requests" role="alert">
                    <strong>{t("breakouts.help")}</strong>
                    <ul>
                      {room.help.map((h) => (
                        <li key={h.id}>
                          <bdi>{h.name}</bdi>
                          {h.message ? (
                            <>
                              {": "}
                              <UserText text={h.message} />
                            </>
                          ) : null}
                          <Form method="post">
                            <input type="hidden" name="helpId" value={h.id} />
                            <button type="submit" name="intent" value="resolve" className="small secondary">
                              {t("breakouts.resolve")}
                            </button>
                          </Form>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <details>
                  <summary>{t("breakouts.editRoom")}</summary>
                  <Form method="post" className="stack">
                    <input type="hidden" name="intent" value="room" />
                    <input type="hidden" name="roomId" value={room.id} />
                    <Field label={t("breakouts.roomName")} name="name" defaultValue={room.name} />
                    <TextArea
                      label={t("organise.questions.roomOwn")}
                      name="question"
                      rows={2}
                      hint={t("organise.questions.roomOwnHint")}
                      defaultValue={room.question}
                    />
                    <Field
                      label={t("breakouts.meetingUrl")}
                      name="meetingUrl"
                      type="url"
                      defaultValue={room.meetingUrl ?? ""}
                    />
                    <Field
                      label={t("breakouts.reservedFor")}
                      name="reservedFor"
                      hint={t("breakouts.reservedHint")}
                      defaultValue={room.reservedFor ?? ""}
                    />
                    <Field
                      label={t("breakouts.capacity")}
                      name="capacity"
                      type="number"
                      defaultValue={room.capacity?.toString() ?? ""}
                    />
                    <button type="submit">{t("breakouts.save")}</button>
                  </Form>
                </details>
                <ul className="members">
                  {room.members.map((m) => (
                    <li key={m.userId}>
                      <DraggablePerson
                        id={m.userId}
                        roomId={room.id}
                        label={
                          <>
                            <span className={m.online ? "online" : "offline"} aria-hidden="true">
                              ●
                            </span>{" "}
                            <bdi>{m.name}</bdi>
                          </>
                        }
                      />
                      {m.role !== "participant" ? (
                        <span className="badge">{t(`breakouts.roles.${m.role}`)}</span>
                      ) : null}
                      {m.locked ? <span className="badge">{t("breakouts.locked")}</span> : null}
                      <MoveForm
                        userId={m.userId}
                        name={m.name}
                        roomId={room.id}
                        locked={m.locked}
                        options={roomOptions}
                        role={m.role}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            </DroppableRoom>
          ))}
        </div>
        <DroppableRoom id="unassigned" className="unassigned-zone">
          <section aria-labelledby="unassigned-heading">
            <h2 id="unassigned-heading">{t("breakouts.unassigned", { count: overview.unassigned.length })}</h2>
            <ul className="members">
              {overview.unassigned.map((m) => (
                <li key={m.userId}>
                  <DraggablePerson id={m.userId} roomId="unassigned" label={<bdi>{m.name}</bdi>} />{" "}
                  {m.role ? <span className="badge">{t(`breakouts.roles.${m.role}`)}</span> : null}
                  <span className="muted">
                    <UserText text={stakeholderName(i18n.language, null, m.category)} />
                  </span>
                  <MoveForm userId={m.userId} name={m.name} roomId="" locked={false} options={roomOptions} />
                </li>
              ))}
            </ul>
          </section>
        </DroppableRoom>
      </RoomDnd>
    </section>
  );
}

/**
 * What "one facilitator and one rapporteur per room" did: every room staffed, or,
 * room by room, why one has nobody (no such role in the event, fewer people than
 * rooms, or a reserved room nobody with the role may enter).
 */
function StaffMessages({ report, slug }: { report: StaffReport; slug: string }) {
  const { t } = useTranslation();
  if (report.facilitators + report.rapporteurs === 0)
    return (
      <p className="form-error">
        {t("organise.staff.noStaff")} <Link to={`/events/${slug}/manage/team`}>{t("organise.staff.inviteTeam")}</Link>
      </p>
    );
  if (report.gaps.length === 0) return <p>{t("organise.staff.allStaffed")}</p>;
  const counts = { facilitator: report.facilitators, rapporteur: report.rapporteurs };
  return (
    <ul className="form-error" data-testid="staff-gaps">
      {report.gaps.map((g) => (
        <li key={`${g.roomId}-${g.role}`}>
          {t(`organise.staff.gap.${g.reason}`, {
            room: g.roomName,
            role: t(`organise.staff.role.${g.role}`),
            count: counts[g.role],
            rooms: report.rooms,
          })}
        </li>
      ))}
    </ul>
  );
}

/** Keyboard-friendly placement: pick a room (and lock it) for one person. */
function MoveForm({
  userId,
  name,
  roomId,
  locked,
  options,
  role,
}: {
  userId: string;
  name: string;
  roomId: string;
  locked: boolean;
  options: { value: string; label: string }[];
  role?: string;
}) {
  const { t } = useTranslation();
  return (
    <details className="move">
      <summary>
        <span className="visually-hidden">{name}: </span>
        {t("breakouts.change")}
      </summary>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="userId" value={userId} />
        <Select label={t("breakouts.moveTo", { name })} name="roomId" options={options} defaultValue={roomId} />
        <Checkbox label={t("breakouts.lock")} name="locked" defaultChecked={locked} />
        <button type="submit" className="small">
          {t("breakouts.apply")}
        </button>
      </Form>
      {role ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="role" />
          <input type="hidden" name="userId" value={userId} />
          <Select
            label={t("breakouts.role", { name })}
            name="role"
            options={["participant", "facilitator", "rapporteur"].map((r) => ({
              value: r,
              label: t(`breakouts.roles.${r}`),
            }))}
            defaultValue={role}
          />
          <button type="submit" className="small">
            {t("breakouts.apply")}
          </button>
        </Form>
      ) : null}
    </details>
  );
}
