import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { Core } from "../core";
import { channels } from "../core/bus";
import { forbidden, unauthenticated } from "../core/errors";
import { handle } from "./ack";
import { announceOnDisconnect, channelIds } from "./presence";

const id = z.string().min(1).max(64);
const eventRef = z.object({ eventId: id });
const roundRef = eventRef.extend({ roundId: id });

/** Room presence: who is connected to a room's channel, sent to the room and to the staff. */
async function announcePresence(io: Server, core: Core, eventId: string, roomId: string) {
  const people = await core.breakouts.presence(roomId);
  io.to(channels.room(roomId)).to(channels.staff(eventId)).emit("room:presence", { roomId, people });
}

/**
 * The live breakout door: participants follow their own screen state and
 * enter their room's channel; facilitators run rounds. Every rule is the
 * core's; this only moves sockets between channels.
 */
export function attachLiveHandlers(io: Server, socket: Socket, core: Core) {
  const log = core.log;

  handle(socket, log, "live:join", eventRef, async ({ eventId }, who) => {
    if (!who) throw unauthenticated();
    const state = await core.breakouts.stateFor(who, eventId);
    await socket.join(channels.event(eventId));
    if (await core.events.isStaff(who.userId, eventId)) await socket.join(channels.staff(eventId));
    socket.data.eventId = eventId;
    return state;
  });

  handle(socket, log, "room:enter", eventRef.extend({ roomId: id }), async ({ eventId, roomId }, who) => {
    if (!who) throw unauthenticated();
    if (!(await core.breakouts.canEnterRoom(who.userId, eventId, roomId))) throw forbidden("This is not your room.");
    for (const r of channelIds(socket, "room:")) if (r !== roomId) await socket.leave(channels.room(r));
    await socket.join(channels.room(roomId));
    await announcePresence(io, core, eventId, roomId);
    return { people: await core.breakouts.presence(roomId) };
  });

  handle(socket, log, "room:leave", eventRef, async ({ eventId }) => {
    for (const r of channelIds(socket, "room:")) {
      await socket.leave(channels.room(r));
      await announcePresence(io, core, eventId, r);
    }
    return { left: true };
  });

  handle(
    socket,
    log,
    "round:help",
    eventRef.extend({ message: z.string().max(300).optional() }),
    ({ eventId, message }, who) => core.breakouts.askHelp(who, eventId, { message: message ?? "" }),
  );
  handle(socket, log, "round:choose", eventRef.extend({ roomId: id }), ({ eventId, roomId }, who) =>
    core.breakouts.chooseRoom(who, eventId, roomId),
  );
  handle(
    socket,
    log,
    "round:open",
    roundRef,
    async ({ eventId, roundId }, who) => (await core.breakouts.open(who, eventId, roundId), { opened: roundId }),
  );
  handle(
    socket,
    log,
    "round:close",
    roundRef,
    async ({ eventId, roundId }, who) => (await core.breakouts.close(who, eventId, roundId), { closed: roundId }),
  );
  handle(
    socket,
    log,
    "round:extend",
    roundRef.extend({ minutes: z.number().int() }),
    ({ eventId, roundId, minutes }, who) => core.breakouts.extend(who, eventId, roundId, { minutes }),
  );
  handle(
    socket,
    log,
    "round:message",
    roundRef.extend({ message: z.string().max(2000) }),
    ({ eventId, roundId, message }, who) => core.breakouts.message(who, eventId, roundId, { message }),
  );

  announceOnDisconnect(socket, "room:", async (roomId) => {
    const eventId = socket.data.eventId as string | undefined;
    if (eventId) await announcePresence(io, core, eventId, roomId);
  });
}
