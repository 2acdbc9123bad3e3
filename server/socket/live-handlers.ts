import type { PlenarySocket } from "../infra/io";
import { z } from "zod";
import type { Core } from "../core";
import { channels } from "../core/bus";
import { handle } from "./ack";
import { announceOnDisconnect, channelIds } from "./presence";

const id = z.string().min(1).max(64);
const eventRef = z.object({ eventId: id });
const roundRef = eventRef.extend({ roundId: id });

/**
 * The live breakout door: participants follow their own screen state and
 * enter their room's channel; facilitators run rounds. Every rule is the
 * core's; this only moves sockets between channels.
 */
export function attachLiveHandlers(socket: PlenarySocket, core: Core) {
  const log = core.log;

  handle(socket, log, "live:join", eventRef, async ({ eventId }, who) => {
    const joined = await core.breakouts.joinLive(who, eventId);
    await socket.join(joined.channels);
    return joined.state;
  });

  handle(socket, log, "room:enter", eventRef.extend({ roomId: id }), async ({ eventId, roomId }, who) => {
    const entered = await core.breakouts.enterRoom(who, eventId, roomId);
    for (const r of channelIds(socket, "room:")) {
      if (r === roomId) continue;
      await socket.leave(channels.room(r));
      core.breakouts.roomPresenceChanged(r);
    }
    await socket.join(entered.channels);
    core.breakouts.roomPresenceChanged(roomId);
    return { people: await core.breakouts.presence(roomId) };
  });

  handle(socket, log, "room:leave", eventRef, async () => {
    for (const r of channelIds(socket, "room:")) {
      await socket.leave(channels.room(r));
      core.breakouts.roomPresenceChanged(r);
    }
    return { left: true as const };
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

  announceOnDisconnect(socket, "room:", async (roomId) => core.breakouts.roomPresenceChanged(roomId));
}
