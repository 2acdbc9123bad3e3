// Prepares a database for a realtime scenario: one event, R rooms with a board each (by default
// in the reveal phase, so every note goes to the whole room; the reveal scenario starts them in
// the write phase), N participants spread over the rooms, each with a session, and F facilitators
// (the first clients; F = 0 by default). Prints the clients' cookies and boards as JSON on stdout.
// Usage: tsx bench/realtime/setup.ts DATABASE_URL SESSION_SECRET CLIENTS ROOMS [PHASE] [FACILITATORS]
import { randomBytes } from "node:crypto";
import { createSessionCookie } from "../../server/infra/session-cookie";
import { createDb } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { resolveDatabase } from "../../server/db/resolve-database";

const [url, secret, clientsArg, roomsArg, phaseArg, staffArg] = process.argv.slice(2);
const phase = phaseArg ?? "reveal";
const facilitators = Number(staffArg ?? 0);
const clients = Number(clientsArg);
const rooms = Number(roomsArg);
const target = resolveDatabase(url!);
await migrate(target);
const db = createDb(target);
const cookie = createSessionCookie(secret!, false);
const now = new Date();
const event = await db.event.create({
  data: {
    slug: `bench-${Date.now()}`,
    title: "Bench",
    timezone: "Europe/Brussels",
    startsAt: now,
    endsAt: new Date(now.getTime() + 3 * 3600_000),
    chathamHouse: true,
  },
});
const round = await db.breakoutRound.create({
  data: { eventId: event.id, title: "Round", durationMinutes: 60, status: "running" },
});
const boards: string[] = [];
for (let r = 0; r < rooms; r++) {
  const room = await db.room.create({ data: { roundId: round.id, name: `Room ${r + 1}`, position: r } });
  const board = await db.board.create({
    data: {
      eventId: event.id,
      roomId: room.id,
      kind: "room",
      title: `Room ${r + 1}`,
      phase,
      maxNotes: 100_000,
    },
  });
  boards.push(board.id);
}
const roomRows = await db.room.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } });
const out: { cookie: string; boardId: string; staff?: boolean }[] = [];
const BATCH = 500;
for (let start = 0; start < clients; start += BATCH) {
  const ids = Array.from({ length: Math.min(BATCH, clients - start) }, (_, i) => start + i);
  await db.user.createMany({
    data: ids.map((i) => ({
      id: `bench-u${i}`,
      email: `bench${i}@plenary.bench`,
      name: `Bench ${i}`,
      passwordHash: "x",
    })),
  });
  await db.eventRole.createMany({
    data: ids.map((i) => ({
      eventId: event.id,
      userId: `bench-u${i}`,
      role: i < facilitators ? "facilitator" : "participant",
    })),
  });
  await db.roomAssignment.createMany({
    data: ids.map((i) => ({ roundId: round.id, roomId: roomRows[i % rooms]!.id, userId: `bench-u${i}` })),
  });
  const sessions = ids.map((i) => ({
    id: randomBytes(18).toString("base64url"),
    userId: `bench-u${i}`,
    expiresAt: new Date(now.getTime() + 86_400_000),
  }));
  await db.session.createMany({ data: sessions });
  for (const [k, s] of sessions.entries())
    out.push({
      cookie: (await cookie.serialize(s.id)).split(";")[0]!,
      boardId: boards[ids[k]! % rooms]!,
      ...(ids[k]! < facilitators ? { staff: true } : {}),
    });
}
await db.$disconnect();
process.stdout.write(JSON.stringify({ eventId: event.id, clients: out }));
