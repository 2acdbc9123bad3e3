import type { Server } from "socket.io";
import type { RealtimeBus } from "../core/bus";

/** The core's bus over Socket.IO rooms; with the Redis adapter it reaches every process. */
export class SocketIoBus implements RealtimeBus {
  constructor(private readonly io: Server) {}
  publish(channel: string, event: string, payload: unknown) {
    this.io.to(channel).emit(event, payload);
  }
  disconnect(channel: string) {
    this.io.in(channel).disconnectSockets(true);
  }
}
