import type { LiveState } from "../breakouts/live-state";
import type { Envelope } from "../boards/ops";
import type { AckFn } from "./ack";
import type { BoardEvent } from "./board-events";
import type { Message } from "../i18n/message";

/*
 * The Socket.IO contract, both directions, used through Socket.IO's generics by the server
 * (server/socket, server/infra/socket-bus.ts, the core's bus) and by the browser
 * (app/realtime). Every request is answered through its ack (./ack.ts); the payloads here are
 * what a well-behaved client sends, and the server still validates every one.
 */

export type Person = { userId: string; name: string };
export type Presence = { count: number; people: Person[] };
export type Announcement = { id: string; message: string; createdAt: string };
export type RoundMessage = { id: string; message: string; createdAt: string };

/** What applying a board operation answers: its sequence number, whether it was a retry, and its event's data as the sender may see it. */
export type OpResult = { seq: number; duplicate: boolean; data: BoardEvent["data"] };
export type SyncResult = { reset: boolean; events: BoardEvent[]; seq: number };

type EventRef = { eventId: string };
type RoundRef = EventRef & { roundId: string };
type BoardRef = { boardId: string };

export interface ClientToServer {
  "session:whoami": (
    payload: Record<string, never>,
    ack: AckFn<{ userId: string | null; name: string | null }>,
  ) => void;
  "event:follow": (payload: EventRef, ack: AckFn<{ following: string }>) => void;
  "event:announce": (payload: EventRef & { message: string }, ack: AckFn<Announcement>) => void;
  "live:join": (payload: EventRef, ack: AckFn<LiveState>) => void;
  "room:enter": (payload: EventRef & { roomId: string }, ack: AckFn<{ people: Person[] }>) => void;
  "room:leave": (payload: EventRef, ack: AckFn<{ left: true }>) => void;
  "round:help": (payload: EventRef & { message?: string }, ack: AckFn<{ id: string }>) => void;
  "round:choose": (payload: EventRef & { roomId: string }, ack: AckFn<LiveState>) => void;
  "round:open": (payload: RoundRef, ack: AckFn<{ opened: string }>) => void;
  "round:close": (payload: RoundRef, ack: AckFn<{ closed: string }>) => void;
  "round:extend": (payload: RoundRef & { minutes: number }, ack: AckFn<{ endsAt: string }>) => void;
  "round:message": (payload: RoundRef & { message: string }, ack: AckFn<RoundMessage>) => void;
  "board:join": (payload: BoardRef, ack: AckFn<{ seq: number }>) => void;
  "board:leave": (payload: BoardRef, ack: AckFn<{ left: string }>) => void;
  "board:op": (payload: Envelope, ack: AckFn<OpResult>) => void;
  "board:sync": (payload: BoardRef & { afterSeq: number }, ack: AckFn<SyncResult>) => void;
}

export interface ServerToClient {
  "board:event": (event: BoardEvent) => void;
  /** One tick's events of a board that everyone on it may read, coalesced (consecutive sequence numbers, folded in order). */
  "board:events": (batch: { boardId: string; events: BoardEvent[] }) => void;
  "board:notice": (notice: { boardId: string; message: Message }) => void;
  "board:presence": (presence: Presence & { boardId: string }) => void;
  "live:state": (state: LiveState) => void;
  "room:presence": (presence: { roomId: string; people: Person[] }) => void;
  "round:changed": (change: { roundId?: string }) => void;
  "round:timer": (timer: { roundId: string; endsAt: string; serverNow: string }) => void;
  "round:message": (message: RoundMessage) => void;
  "round:closed": (closed: { roundId: string }) => void;
  "round:help": (help: { id: string; roomId: string; roomName: string }) => void;
  "registrations:changed": (change: { eventId: string }) => void;
  /** The person's roles in an event changed: join again, so the server decides afresh what to follow. */
  "session:rescope": (change: { eventId: string }) => void;
  "event:announcement": (announcement: Announcement) => void;
}

export type ClientEvent = keyof ClientToServer;
export type ServerEvent = keyof ServerToClient;
/** What a request sends. */
export type RequestOf<E extends ClientEvent> = Parameters<ClientToServer[E]>[0];
/** What a request's ack carries when it succeeds. */
export type AnswerOf<E extends ClientEvent> = Parameters<ClientToServer[E]>[1] extends AckFn<infer T> ? T : never;
/** What the server sends with an event. */
export type PayloadOf<E extends ServerEvent> = Parameters<ServerToClient[E]>[0];
